/// A recording linked to a document, as the project keeps it.
public struct MediaLink: Sendable, Hashable, Codable {
    /// The document the recording belongs to.
    public var documentID: String
    /// Where the recording lies: relative to the project file's folder when it lies below it,
    /// else absolute.
    public var path: String
    /// Bytes.
    public var size: Int64
    /// Seconds, from the container's header.
    public var duration: Double
    public var format: MediaFormat
    public var kind: MediaKind
    /// The recording's SHA-256, 64 lowercase hex digits, to find it again after a move.
    public var sha256: String
    /// Where the transcript's time zero falls in the recording, in seconds.
    public var offset: Double
    /// When the link was made (ISO 8601, UTC).
    public var linkedAt: String
    /// Whether a file of the recorded size lies at `path` now.
    public var found: Bool

    public init(
        documentID: String, path: String, size: Int64, duration: Double, format: MediaFormat, kind: MediaKind, sha256: String,
        offset: Double, linkedAt: String, found: Bool
    ) {
        self.documentID = documentID
        self.path = path
        self.size = size
        self.duration = duration
        self.format = format
        self.kind = kind
        self.sha256 = sha256
        self.offset = offset
        self.linkedAt = linkedAt
        self.found = found
    }

    enum CodingKeys: String, CodingKey {
        case documentID = "document"
        case path, size, duration, format, kind, sha256, offset, linkedAt, found
    }
}

/// What `relinkMedia` did: the links it pointed at files found again, and those still missing.
public struct MediaRelinkResult: Sendable, Hashable, Codable {
    /// One link moved to a file with the same SHA-256.
    public struct Move: Sendable, Hashable, Codable {
        public var documentID: String
        public var from: String
        public var to: String

        enum CodingKeys: String, CodingKey {
            case documentID = "document"
            case from, to
        }
    }

    /// Links now pointing at the files found.
    public var relinked: [Move]
    /// Documents whose recording is still missing.
    public var missing: [String]
    /// Links whose file was where the project said.
    public var unchanged: Int
}
