import Foundation

extension CodeName {
    /// How a code's name is written where only text travels (coding sheets, REFI-QDA files,
    /// disagreement sheets): an in-vivo code — the participants' own words — in double quotes.
    ///
    /// - Returns: `"menselijke maat"` for an in-vivo code, the bare name otherwise.
    public static func written(_ name: String, origin: CodeOrigin) -> String {
        origin == .inVivo ? "\"\(name)\"" : name
    }

    /// Reads a name written by `written(_:origin:)`: a name wrapped in double quotes is in-vivo,
    /// and the quotes and the spaces just inside them are dropped.
    ///
    /// A lone `"` is a name, not quotes; `""` reads as an empty in-vivo name, which the caller
    /// refuses or replaces as it does any empty name.
    public static func read(_ written: String) -> (name: String, origin: CodeOrigin) {
        guard written.count >= 2, written.hasPrefix("\""), written.hasSuffix("\"") else { return (written, .analyst) }
        return (String(written.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces), .inVivo)
    }
}
