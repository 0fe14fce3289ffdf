import Foundation

/// A code's colour as the analyst gives it: `#rrggbb` (or the short `#rgb`), stored as lowercase
/// `#rrggbb`, the form the workbench, the reports and REFI-QDA's `color` attribute all read.
public enum CodeColor {
    /// The colour in its stored form.
    ///
    /// - Throws: `CodingError.invalidColor` for anything else, such as `red` or `#12345`.
    public static func validated(_ text: String) throws(CodingError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = Array(trimmed.dropFirst().unicodeScalars)
        guard trimmed.hasPrefix("#"), digits.count == 3 || digits.count == 6, digits.allSatisfy(\.properties.isASCIIHexDigit) else {
            throw .invalidColor(text)
        }
        let full = digits.count == 3 ? digits.flatMap { [$0, $0] } : digits
        return "#" + String(String.UnicodeScalarView(full))
    }
}
