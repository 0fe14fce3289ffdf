/// Escaping text for markup, in one place for the XML writer (REFI-QDA files, xlsx workbooks) and
/// the HTML report.
enum MarkupEscaping {
    /// Where the text goes.
    enum Context {
        /// XML character data: `&`, `<`, `>` escaped, a carriage return kept as `&#13;`.
        case xmlText
        /// An XML attribute value: as text, plus `"`, and TAB and line feed as references so a
        /// reader's attribute normalisation keeps them.
        case xmlAttribute
        /// HTML text or a quoted attribute: `&`, `<`, `>`, `"` and `'`.
        case html
    }

    /// `text` with the characters that `context` gives meaning escaped. In XML, characters XML 1.0
    /// does not allow (other C0 controls, U+FFFE, U+FFFF) become U+FFFD.
    ///
    /// - Complexity: O(*n*) in the number of Unicode scalars.
    static func escape(_ text: String, for context: Context) -> String {
        var result = String.UnicodeScalarView()
        let xml = context != .html
        let attribute = context == .xmlAttribute
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where attribute || !xml: result.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where !xml: result.append(contentsOf: "&#39;".unicodeScalars)
            case "\r" where xml: result.append(contentsOf: "&#13;".unicodeScalars)
            case "\n" where attribute: result.append(contentsOf: "&#10;".unicodeScalars)
            case "\t" where attribute: result.append(contentsOf: "&#9;".unicodeScalars)
            default:
                let value = scalar.value
                let allowed = !xml || value == 0x9 || value == 0xA || value >= 0x20 && value != 0xFFFE && value != 0xFFFF
                result.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return String(result)
    }
}
