import Foundation

/// Writes files so that a crash leaves either the old file or the new one, never half of one, and
/// so that only their owner can read them: what `cda` writes (projects, reports with quotes,
/// sheets, exchange files) may hold what participants said.
public enum AtomicFile {
    /// The permissions of every file `cda` writes: read and write for the owner only (0600).
    static let ownerOnly: mode_t = 0o600

    /// Why a file could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        /// The file.
        public var path: String
        /// The system's reason (`No space left on device`, `Permission denied`, …).
        public var reason: String

        /// `cannot write FILE: reason`.
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// Writes `text` as UTF-8 to `path` through a temporary file in the same folder and a rename;
    /// the file is readable by its owner only.
    ///
    /// - Throws: `WriteError` with the system's reason (disk full, permission, missing folder).
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path` through a temporary file in the same folder and a rename; the file
    /// is readable by its owner only.
    ///
    /// - Throws: `WriteError` with the system's reason (disk full, permission, missing folder).
    static func write(_ data: Data, to path: String) throws {
        let temporary = temporaryPath(beside: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, ownerOnly)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw WriteError(path: path, reason: String(cString: strerror(failure)))
        }
    }

    /// A hidden, unique file name in the folder of `path`, for a write that is renamed into place.
    public static func temporaryPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
    }
}
