import Foundation

/// The bytes of one input file, with its name for messages.
public struct SourceFile: Sendable {
    /// The largest file `cda` reads: 1 GiB.
    public static let sizeLimit = 1 << 30

    /// The path as the user gave it.
    public var path: String
    /// The file's content.
    public let bytes: [UInt8]
    /// The SHA-256 of the bytes, in lowercase hex, computed once.
    public let contentHash: String

    /// Wraps bytes already in memory.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.contentHash = SHA256.hexDigest(of: bytes)
    }

    /// Reads a file from disk.
    ///
    /// - Throws: `IngestError.unreadable`, `.emptyFile` or `.fileTooLarge`.
    public init(contentsOf path: String) throws(IngestError) {
        let location = SourceLocation(file: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > Self.sizeLimit {
            throw .fileTooLarge(location, bytes: size, limit: Self.sizeLimit)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw .unreadable(location, reason: reason)
        }
        if data.isEmpty { throw .emptyFile(location) }
        self.init(path: path, bytes: [UInt8](data))
    }

    /// The file name without directory and extension: the default document id.
    public var baseName: String {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }

    /// The lowercase extension, without the dot.
    public var pathExtension: String { (path as NSString).pathExtension.lowercased() }

    /// A location in this file.
    public func location(line: Int? = nil, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }
}
