import Foundation
internal import ZIPFoundation

/// Builds a ZIP package in memory: the container of Office Open XML (`.docx`) and OpenDocument
/// (`.odt`) files.
enum ZipPackage {
    /// One file of the package.
    struct Entry: Sendable, Hashable {
        /// The path inside the package (`word/document.xml`).
        var path: String
        /// The bytes.
        var data: Data
        /// Whether the entry is stored uncompressed, as OpenDocument requires of its `mimetype`.
        var stored = false
    }

    /// The fixed time stamp of every entry (1980-01-01, the earliest a ZIP file can hold), so the
    /// same report gives the same bytes.
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    /// A ZIP archive holding `entries` in the given order.
    ///
    /// - Returns: The archive's bytes.
    /// - Throws: `ExchangeError.writeFailed` naming `name` when the archive cannot be built.
    static func data(_ entries: [Entry], name: String) throws(ExchangeError) -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for entry in entries {
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(entry.data.count), modificationDate: timestamp,
                    compressionMethod: entry.stored ? .none : .deflate
                ) { position, size in
                    entry.data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw ExchangeError.writeFailed(file: name, reason: "the package was not built") }
            return data
        } catch let error as ExchangeError {
            throw error
        } catch {
            throw .writeFailed(file: name, reason: "the package could not be built: \(error)")
        }
    }
}
