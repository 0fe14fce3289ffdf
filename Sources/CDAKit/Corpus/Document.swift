/// A transcript as stored in a project: one recorded session or part of one.
public struct Document: Sendable, Hashable, Codable {
    /// The stable id: the file name without extension unless the file or `--id` names one.
    public var id: String
    /// A human title; the id when the file gives none.
    public var title: String
    /// The format the document was read from.
    public var format: DocumentFormat
    /// The path of the source file, as given at ingest.
    public var sourcePath: String
    /// The SHA-256 of the source file's bytes, in lowercase hex.
    public var contentHash: String
    /// Attributes such as `group`, `session`, `part`, `date` and `language`.
    public var attributes: [String: String]

    /// Creates a document.
    public init(
        id: String, title: String, format: DocumentFormat, sourcePath: String,
        contentHash: String, attributes: [String: String] = [:]
    ) {
        self.id = id
        self.title = title
        self.format = format
        self.sourcePath = sourcePath
        self.contentHash = contentHash
        self.attributes = attributes
    }

    /// The document's `group` attribute, if any.
    public var group: String? { attributes["group"] }
}
