import Foundation

/// Writes files so that a crash leaves either the old file or the new one, never half of one.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path` through a temporary file and a rename.
    ///
    /// - Throws: The file system's error when the folder is not writable.
    public static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
