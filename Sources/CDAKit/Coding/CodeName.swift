import Foundation

/// The rule for code names, in one place: every path that makes or renames a code — the command
/// line, the workbench, coding sheets, REFI-QDA imports, recipes — goes through `validated`.
///
/// A code name is one line of text: spaces around it are dropped, and it may not be empty or hold
/// a control character. Control characters are C0 (U+0000–U+001F: NUL, TAB, line feed, carriage
/// return, …), DEL (U+007F), C1 (U+0080–U+009F, with NEL) and the line and paragraph separators
/// (U+2028, U+2029). A NUL would cut the name short in SQLite; a tab or line break would break
/// every coding sheet (TSV) and report table the code appears in.
public enum CodeName {
    /// The name a new or renamed code gets.
    ///
    /// - Parameter raw: The name as given.
    /// - Returns: The name without spaces around it.
    /// - Throws: `CodingError.emptyCodeName`, or `.controlCharacterInCodeName` naming the first one.
    public static func validated(_ raw: String) throws(CodingError) -> String {
        let name = raw.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .emptyCodeName }
        for (position, scalar) in name.unicodeScalars.enumerated() where isControl(scalar) {
            throw .controlCharacterInCodeName(name, scalar: scalar.value, position: position + 1)
        }
        return name
    }

    /// Whether `scalar` may not appear in a code name.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// The name with every control character written out (`\t`, `\n`, `\r`, `\0`, `\u{85}`), so
    /// that a message can quote it on one line.
    public static func visible(_ name: String) -> String {
        var shown = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\t": shown += "\\t"
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\0": shown += "\\0"
            case _ where isControl(scalar): shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// A control character's name, for messages: "a tab (U+0009)".
    static func describe(_ value: UInt32) -> String {
        let code =
            "U+" + String(repeating: "0", count: max(0, 4 - String(value, radix: 16).count)) + String(value, radix: 16, uppercase: true)
        let name: String? =
            switch value {
            case 0x00: "a NUL character"
            case 0x09: "a tab"
            case 0x0A: "a line feed (new line)"
            case 0x0D: "a carriage return"
            case 0x85: "a next-line character (NEL)"
            case 0x2028: "a line separator"
            case 0x2029: "a paragraph separator"
            default: nil
            }
        return "\(name ?? "a control character") (\(code))"
    }
}
