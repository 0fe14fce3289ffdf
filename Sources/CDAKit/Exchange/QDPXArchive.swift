import Foundation
internal import ZIPFoundation

/// How much a `.qdpx` import may inflate: beyond these, an archive is refused as a bomb.
public struct QDPXLimits: Sendable, Hashable {
    /// The most bytes one entry may declare or inflate to (default 512 MiB).
    public var entryBytes: UInt64
    /// The most bytes all inflated entries together may reach (default 1 GiB).
    public var totalBytes: UInt64
    /// The most entries an archive may have (default 100,000).
    public var entries: Int

    /// Creates limits.
    public init(entryBytes: UInt64 = 512 << 20, totalBytes: UInt64 = 1 << 30, entries: Int = 100_000) {
        self.entryBytes = entryBytes
        self.totalBytes = totalBytes
        self.entries = entries
    }
}

/// Reads and writes `.qdpx` archives (ZIP files with `project.qde` and a `sources` folder), safely.
///
/// Reading never writes to disk: entries are inflated into memory. Before anything is read, every
/// entry's path is checked, so an archive with an entry that would land outside its folder
/// (`../x`, zip slip), an absolute path (`/x`, `C:/x`) or a link is refused whole. An entry is only
/// inflated when its declared size is within `Limits.entryBytes`, and inflating stops as soon as it
/// yields more than the declared size or the limits (an archive bomb).
struct QDPXArchive {
    typealias Limits = QDPXLimits

    private let archive: Archive
    private let file: String
    private let limits: Limits
    private var inflated: UInt64 = 0
    /// File entries by path as written in the archive.
    private let entries: [String: Entry]

    /// Opens an archive and checks every entry's path.
    ///
    /// - Throws: `ExchangeError.unreadable`, `.notAnArchive`, `.unsafeEntry` or `.tooManyEntries`.
    init(path: String, limits: Limits = Limits()) throws(ExchangeError) {
        file = path
        self.limits = limits
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadable(file: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .notAnArchive(file: path, reason: "not a ZIP file, or a damaged one")
        }
        var found: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.entries { throw .tooManyEntries(file: path, count: count, limit: limits.entries) }
            if let reason = Self.unsafeReason(entry.path) { throw .unsafeEntry(file: path, entry: entry.path, reason: reason) }
            switch entry.type {
            case .symlink: throw .unsafeEntry(file: path, entry: entry.path, reason: "is a symbolic link, which cda never follows")
            case .directory: continue
            case .file: found[entry.path] = entry
            }
        }
        entries = found
    }

    /// Why an entry path is unsafe, or `nil` when it stays inside the archive's folder.
    static func unsafeReason(_ path: String) -> String? {
        let unified = path.replacingOccurrences(of: "\\", with: "/")
        if unified.hasPrefix("/") || unified.hasPrefix("~") { return "has an absolute path" }
        if unified.count >= 2, unified.dropFirst().first == ":", unified.first?.isLetter == true {
            return "has an absolute path (a drive letter)"
        }
        var depth = 0
        for component in unified.split(separator: "/", omittingEmptySubsequences: true) {
            if component == ".." {
                depth -= 1
                if depth < 0 { return "would be written outside the archive's folder (zip slip)" }
            } else if component != "." {
                depth += 1
            }
        }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "has control characters in its name" }
        return nil
    }

    /// The entry paths that are files.
    var paths: [String] { entries.keys.sorted() }

    /// The path of an entry, matched without regard to case (tools write `Sources/` or `sources/`).
    func entryPath(_ path: String) -> String? {
        if entries[path] != nil { return path }
        let lowered = path.lowercased()
        return entries.keys.first { $0.lowercased() == lowered }
    }

    /// Inflates one entry into memory, within the limits.
    ///
    /// - Throws: `ExchangeError.entryTooLarge` (declared or inflated size beyond the limits),
    ///   `.sizeMismatch` (more bytes than declared) or `.notAnArchive` (damaged data).
    mutating func read(_ path: String) throws(ExchangeError) -> [UInt8] {
        guard let entry = entries[path] else { throw .unreadable(file: "\(file)/\(path)", reason: "no such entry") }
        let declared = entry.uncompressedSize
        let allowance = min(limits.entryBytes, limits.totalBytes - min(inflated, limits.totalBytes))
        if declared > allowance {
            throw .entryTooLarge(file: file, entry: path, bytes: declared, limit: allowance, declared: true)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(declared))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if UInt64(bytes.count + chunk.count) > declared { throw Overflow() }
                bytes.append(contentsOf: chunk)
            }
        } catch is Overflow {
            throw .sizeMismatch(file: file, entry: path, declared: declared)
        } catch {
            throw .notAnArchive(file: file, reason: "entry '\(path)' cannot be inflated (damaged data or a wrong checksum)")
        }
        inflated += UInt64(bytes.count)
        return bytes
    }

    private struct Overflow: Error {}

    /// The most bytes a recording extracted to disk may have (16 GiB), and the most one may
    /// inflate per stored byte, so that an archive bomb cannot fill the disk.
    static let recordingBytes: UInt64 = 16 << 30
    static let recordingInflation: UInt64 = 100

    /// Extracts one entry to `target` (0600, written whole or not at all), in pieces, without
    /// holding it in memory: for recordings, which may be far larger than any text.
    ///
    /// - Throws: `ExchangeError.entryTooLarge`, `.sizeMismatch`, `.notAnArchive`, `.writeFailed`.
    func extract(_ path: String, to target: String) throws(ExchangeError) {
        guard let entry = entries[path] else { throw .unreadable(file: "\(file)/\(path)", reason: "no such entry") }
        let declared = entry.uncompressedSize
        let limit = min(Self.recordingBytes, max(entry.compressedSize, 1) * Self.recordingInflation)
        if declared > limit { throw .entryTooLarge(file: file, entry: path, bytes: declared, limit: limit, declared: true) }
        let temporary = AtomicFile.temporaryPath(beside: target)
        guard AtomicFile.createOwnerOnly(atPath: temporary),
            let handle = FileHandle(forWritingAtPath: temporary)
        else { throw .writeFailed(file: target, reason: AtomicFile.likelyReason(forWriting: target)) }
        var written: UInt64 = 0
        do {
            defer { try? handle.close() }
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                written += UInt64(chunk.count)
                if written > declared { throw Overflow() }
                try handle.write(contentsOf: chunk)
            }
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if error is Overflow { throw .sizeMismatch(file: file, entry: path, declared: declared) }
            if error is CocoaError || error is POSIXError {
                throw .writeFailed(file: target, reason: AtomicFile.likelyReason(forWriting: target))
            }
            throw .notAnArchive(file: file, reason: "entry '\(path)' cannot be inflated (damaged data or a wrong checksum)")
        }
        guard rename(temporary, target) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .writeFailed(file: target, reason: String(cString: strerror(errno)))
        }
    }

    /// Writes an archive with `project.qde` and the given entries, replacing `path` atomically.
    ///
    /// - Parameters:
    ///   - entries: Texts, compressed.
    ///   - files: Files copied in as they are (recordings, already compressed), read in pieces
    ///     so that a recording of any length never sits in memory whole.
    ///   - path: The archive.
    /// - Throws: `ExchangeError.writeFailed`.
    static func write(
        _ entries: [(path: String, text: String)], files: [(path: String, file: String)] = [], to path: String
    ) throws(ExchangeError) {
        let target = URL(fileURLWithPath: path)
        let temporary = URL(fileURLWithPath: AtomicFile.temporaryPath(beside: path))
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            // The archive holds whole transcripts: owner-only before its first entry is written.
            if chmod(temporary.path, AtomicFile.ownerOnly) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            for entry in entries {
                let data = Data(entry.text.utf8)
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            for file in files {
                try archive.addEntry(
                    with: file.path, fileURL: URL(fileURLWithPath: file.file), compressionMethod: .none, bufferSize: 1 << 20)
            }
            if rename(temporary.path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            let reason = (error as? CocoaError)?.userInfo[NSLocalizedDescriptionKey] as? String ?? AtomicFile.likelyReason(forWriting: path)
            throw .writeFailed(file: path, reason: reason)
        }
    }
}
