import Foundation

/// Reads YAML files with the limits `cda` applies to all its configuration files.
enum YAMLFile {
    /// The largest YAML file accepted: 16 MiB.
    static let sizeLimit = 16 << 20

    /// The file's text.
    ///
    /// - Throws: `CodebookError.unreadable` for a missing, oversized, binary or non-UTF-8 file.
    static func read(_ path: String) throws(CodebookError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(
                file: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file")
        }
        guard data.count <= sizeLimit else { throw .unreadable(file: path, reason: "larger than \(sizeLimit >> 20) MiB") }
        guard !data.contains(0) else { throw .unreadable(file: path, reason: "contains NUL bytes; not a text file") }
        guard var text = String(data: data, encoding: .utf8) else { throw .unreadable(file: path, reason: "not valid UTF-8") }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}
