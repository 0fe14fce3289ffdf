/// What identifies a file already read into a project: reading the same bytes from the same path
/// with the same options again would change nothing.
public struct StoredFile: Sendable, Hashable {
    /// The SHA-256 of the file's bytes.
    public var contentHash: String
    /// The path it was read from.
    public var sourcePath: String
    /// The fingerprint of the options that change what is read; `""` for none.
    public var readOptions: String

    /// Creates the key of a file.
    public init(contentHash: String, sourcePath: String, readOptions: String) {
        self.contentHash = contentHash
        self.sourcePath = sourcePath
        self.readOptions = readOptions
    }
}
