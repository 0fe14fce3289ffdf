import Foundation

/// Random access to the bytes of a recording, so that a reader looks only at the headers it needs
/// and never loads a whole recording into memory.
struct MediaBytes: Sendable {
    /// The total number of bytes.
    let size: UInt64
    /// The file's name in messages.
    let file: String
    private let reader: @Sendable (UInt64, Int) throws -> [UInt8]

    /// Bytes held in memory (tests build recordings byte by byte).
    init(_ bytes: [UInt8], file: String) {
        self.size = UInt64(bytes.count)
        self.file = file
        self.reader = { offset, count in
            let start = Int(offset)
            return Array(bytes[start..<min(bytes.count, start + count)])
        }
    }

    /// The bytes of a file, read on demand.
    ///
    /// - Throws: `MediaError.unreadable` when the file cannot be opened.
    init(contentsOf path: String, file: String) throws(MediaError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            throw .unreadable(file: file, reason: reason)
        }
        do {
            self.size = try handle.seekToEnd()
        } catch {
            throw .unreadable(file: file, reason: "cannot find its size")
        }
        self.file = file
        let box = HandleBox(handle)
        self.reader = { offset, count in try box.read(at: offset, count: count) }
    }

    /// Up to `count` bytes from `offset` (fewer at the end of the file, none past it).
    ///
    /// - Throws: `MediaError.unreadable` when reading fails.
    func read(at offset: UInt64, count: Int) throws(MediaError) -> [UInt8] {
        guard offset < size, count > 0 else { return [] }
        do {
            return try reader(offset, Int(min(UInt64(count), size - offset)))
        } catch {
            throw .unreadable(file: file, reason: "reading failed at byte \(offset)")
        }
    }

    /// Exactly `count` bytes from `offset`.
    ///
    /// - Throws: `MediaError.malformed` naming `what` when the file ends before them.
    func require(at offset: UInt64, count: Int, format: MediaFormat, what: String) throws(MediaError) -> [UInt8] {
        let bytes = try read(at: offset, count: count)
        guard bytes.count == count else {
            throw .malformed(file: file, format: format, detail: "the file ends inside the \(what) (byte \(offset))")
        }
        return bytes
    }
}

/// The open file behind `MediaBytes`, closed when the last copy goes; reads are serialised.
private final class HandleBox: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    init(_ handle: FileHandle) { self.handle = handle }

    func read(at offset: UInt64, count: Int) throws -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        try handle.seek(toOffset: offset)
        return [UInt8](try handle.read(upToCount: count) ?? Data())
    }

    deinit { try? handle.close() }
}

extension Array where Element == UInt8 {
    /// The unsigned big-endian integer in `count` bytes from `offset`.
    func bigEndian(at offset: Int, count: Int) -> UInt64 {
        var value: UInt64 = 0
        for byte in self[offset..<offset + count] { value = value << 8 | UInt64(byte) }
        return value
    }

    /// The unsigned little-endian integer in `count` bytes from `offset`.
    func littleEndian(at offset: Int, count: Int) -> UInt64 {
        var value: UInt64 = 0
        for byte in self[offset..<offset + count].reversed() { value = value << 8 | UInt64(byte) }
        return value
    }

    /// Whether the bytes from `offset` spell `text` in ASCII.
    func spells(_ text: String, at offset: Int) -> Bool {
        let expected = Array(text.utf8)
        return offset >= 0 && offset + expected.count <= count && Array(self[offset..<offset + expected.count]) == expected
    }
}
