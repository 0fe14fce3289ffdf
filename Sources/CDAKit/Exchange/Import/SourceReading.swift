/// How an import reads the plain text of a REFI-QDA source.
public enum SourceReading: String, Sendable, Hashable, Codable, CaseIterable {
    /// Paragraphs, except that a line starting `NAME: ` where NAME is one of the project's cases
    /// is that case's turn (how `cda` writes speakers, and the file's own mapping).
    case auto
    /// Paragraphs only: one utterance per non-empty line, no speakers, no times.
    case text
    /// A transcript: besides case names, a label with a digit or one starting two or more lines
    /// becomes a speaker, and a leading time (`[00:01:02]`, `1:57`) the utterance's start.
    case turns
}

/// A source's plain text as the import found it.
enum ImportedText: Sendable, Hashable {
    /// The text, without a byte order mark, and whether the file had one.
    case text(String, hasByteOrderMark: Bool)
    /// The source's text lies outside the archive, which `cda` does not read.
    case external(String)
    /// The text should be in the archive but cannot be read.
    case unreadable(ExchangeError)
}
