/// A text encoding a user can name with `--encoding`.
public enum TextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// UTF-16 with a byte order mark, or little-endian without one.
    case utf16 = "utf-16"
    /// UTF-16, little-endian, with or without a byte order mark.
    case utf16LE = "utf-16le"
    /// UTF-16, big-endian, with or without a byte order mark.
    case utf16BE = "utf-16be"
    /// Windows-1252 (Western European), the usual encoding of files saved on Windows.
    case windows1252 = "windows-1252"
    /// ISO-8859-1 (Latin-1).
    case latin1 = "iso-8859-1"

    /// Reads a user's encoding name, ignoring case and the usual aliases (`utf8`, `cp1252`, `latin-1`).
    ///
    /// - Returns: The encoding, or `nil` when the name is not one `cda` reads.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "utf8": self = .utf8
        case "utf16": self = .utf16
        case "utf16le": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "windows1252", "cp1252", "win1252": self = .windows1252
        case "iso88591", "latin1", "l1": self = .latin1
        default: return nil
        }
    }
}
