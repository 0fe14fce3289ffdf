public import Foundation

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
    public static func write(_ data: Data, to path: String) throws {
        try writeAll([(path, data)])
    }

    /// Writes a set of files all or nothing, as far as a file system allows: every file is first
    /// written in full to a temporary file beside its target; only when all of them are written
    /// are they renamed into place. A failure while writing (a full disk) removes the temporary
    /// files and leaves every existing file as it was.
    ///
    /// - Throws: `WriteError` naming the file that could not be written, with the system's reason.
    public static func writeAll(_ files: [(path: String, text: String)]) throws {
        try writeAll(files.map { ($0.path, Data($0.text.utf8)) })
    }

    static func writeAll(_ files: [(path: String, data: Data)]) throws {
        var staged: [(temporary: String, path: String)] = []
        do {
            for file in files { staged.append((try stage(file.data, beside: file.path), file.path)) }
            for file in staged where rename(file.temporary, file.path) != 0 {
                throw WriteError(path: file.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            for file in staged { unlink(file.temporary) }
            throw error
        }
    }

    /// Writes `data` in full to a new owner-only temporary file beside `path`.
    ///
    /// - Returns: The temporary file's path.
    private static func stage(_ data: Data, beside path: String) throws -> String {
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
        if failure != 0 {
            unlink(temporary)
            throw WriteError(path: path, reason: String(cString: strerror(failure)))
        }
        return temporary
    }

    /// The reason `likelyReason(forWriting:)` gives when less than 1 MiB is free.
    static let diskFull = "the disk is full"

    /// Why a write into the folder of `path` failed, when the failing library did not say: the
    /// folder is missing or not writable, or the disk is full.
    public static func likelyReason(forWriting path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        guard FileManager.default.fileExists(atPath: directory) else { return "the folder does not exist" }
        guard access(directory, W_OK) == 0 else { return "the folder is not writable" }
        var stats = statvfs()
        if statvfs(directory, &stats) == 0, UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < 1 << 20 {
            return diskFull
        }
        return "an input/output error; check the disk"
    }

    /// A hidden, unique file name in the folder of `path`, for a write that is renamed into place:
    /// `.NAME.PID-UUID.tmp`. What killed writes of `path` left there (such files, and SQLite's
    /// journals beside them, of processes that are gone) is removed first.
    public static func temporaryPath(beside path: String) -> String {
        removeAbandoned(beside: path)
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid())-\(UUID().uuidString).tmp").path
    }

    /// Creates the empty file `path`, readable by its owner only, failing if it exists.
    ///
    /// `FileManager.createFile` writes through a hidden `.dat.nosync…` file of its own and renames
    /// it: a process killed in between leaves that file behind, under a name no later run knows
    /// to remove. This makes no other file. On failure `errno` says why.
    ///
    /// - Returns: Whether the file was created.
    static func createOwnerOnly(atPath path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, ownerOnly)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }

    /// Removes the temporary files of writes of `path` whose process no longer runs (a write
    /// killed before its rename cannot remove its own).
    static func removeAbandoned(beside path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent)."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), rest.contains(".tmp") else { continue }
            guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink((folder as NSString).appendingPathComponent(name))
        }
    }
}
