import Foundation

/// Text written to a file descriptor through a 1 MiB buffer: one system call per megabyte instead
/// of one per line, for outputs of millions of lines (a suggestion sheet).
public final class BufferedOutput {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 20

    /// Writes to an open descriptor; the caller closes it.
    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.capacity)
    }

    /// Standard output, written through the buffer (call `flush()` at the end).
    public static func standardOutput() -> BufferedOutput { BufferedOutput(descriptor: STDOUT_FILENO) }

    /// Appends `text` as UTF-8.
    ///
    /// - Throws: `AtomicFile.WriteError` when a full buffer cannot be written.
    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Appends bytes, such as a line put together by the caller (one access to the buffer for
    /// the whole line, rather than one per cell).
    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Writes out what is buffered.
    ///
    /// - Throws: `AtomicFile.WriteError` with the system's reason.
    public func flush() throws {
        var offset = 0
        let failure: Int32 = buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        buffer.removeAll(keepingCapacity: true)
        if failure != 0 { throw AtomicFile.WriteError(path: "", reason: String(cString: strerror(failure))) }
    }
}

extension [UInt8] {
    /// Appends a sheet cell: `text` as UTF-8 with each tab, line feed, carriage return or CR LF
    /// pair turned into one space, so the cell stays one cell on one line.
    mutating func appendSheetCell(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return append(contentsOf: bytes) }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    append(0x20)
                    if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                } else {
                    append(byte)
                }
                index += 1
            }
        }
    }

    /// Appends a number in decimal ASCII.
    mutating func appendDecimal(_ number: Int) {
        guard number != 0 else { return append(0x30) }
        if number < 0 { append(0x2D) }
        var magnitude = number.magnitude
        let start = count
        while magnitude > 0 {
            append(0x30 + UInt8(magnitude % 10))
            magnitude /= 10
        }
        self[start...].reverse()
    }
}

extension AtomicFile {
    /// Writes a file by streaming into it: `body` writes to a buffered owner-only temporary file
    /// beside `path`, which is renamed into place only when `body` returns; when `body` throws, the
    /// temporary file is removed and any existing file is left as it was.
    ///
    /// - Throws: What `body` throws, or `WriteError` with the system's reason.
    public static func stream(to path: String, _ body: (BufferedOutput) throws -> Void) throws {
        let temporary = temporaryPath(beside: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, ownerOnly)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        do {
            let output = BufferedOutput(descriptor: descriptor)
            do {
                try body(output)
                try output.flush()
            } catch let error as WriteError where error.path.isEmpty {
                throw WriteError(path: path, reason: error.reason)
            }
            if fsync(descriptor) != 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
            if close(descriptor) != 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }
}
