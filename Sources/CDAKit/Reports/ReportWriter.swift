import Foundation

/// Writes a report's files into a folder: everything is rendered in memory first, then each
/// file is written atomically, so a failure never leaves a half-written file.
public enum ReportWriter {
    /// Renders `report` in the given formats and writes the files into `directory` (created if needed).
    ///
    /// - Returns: The paths written, in format order.
    /// - Throws: A rendering or file-system error; no file is written when rendering fails.
    public static func write(_ report: ThemeReport, formats: [ReportFormat], to directory: String) throws -> [String] {
        var files: [(name: String, content: String)] = []
        for format in formats { files += try format.renderer.render(report) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try files.map { file in
            let path = (directory as NSString).appendingPathComponent(file.name)
            try AtomicFile.write(file.content, to: path)
            return path
        }
    }
}
