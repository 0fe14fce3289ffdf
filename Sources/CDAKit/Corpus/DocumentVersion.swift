/// One version of a document's text: the current one, or one a revision replaced.
public struct DocumentVersion: Sendable, Hashable, Codable {
    /// The version number, from 1 (the first ingest) up.
    public var version: Int
    /// When this text was stored (ISO 8601).
    public var ingestedAt: String
    /// When a revision replaced it; `nil` for the current version.
    public var revisedAt: String?
    /// The file it was read from.
    public var sourcePath: String
    /// The SHA-256 of the file's bytes.
    public var contentHash: String
    /// Its utterances.
    public var utterances: Int
    /// Its words, by the project tokenizer.
    public var words: Int

    /// Whether this is the text the project holds now.
    public var isCurrent: Bool { revisedAt == nil }

    /// Creates a version record.
    public init(
        version: Int, ingestedAt: String, revisedAt: String?, sourcePath: String, contentHash: String, utterances: Int, words: Int
    ) {
        self.version = version
        self.ingestedAt = ingestedAt
        self.revisedAt = revisedAt
        self.sourcePath = sourcePath
        self.contentHash = contentHash
        self.utterances = utterances
        self.words = words
    }
}
