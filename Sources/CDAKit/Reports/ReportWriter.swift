import Foundation

/// Writes a report's files into a folder as one set: everything is rendered in memory, every file
/// is written in full beside its target, and only then are they renamed into place, so a failure
/// (a full disk) leaves the previous set as it was rather than a new file beside old ones.
public enum ReportWriter {
    /// Renders `report` in the given formats and writes the files into `directory` (created if needed);
    /// Markdown, HTML, Word and OpenDocument in `language`.
    ///
    /// - Returns: The paths written, in format order.
    /// - Throws: A rendering or file-system error; no file is written when rendering fails.
    public static func write(_ report: ThemeReport, formats: [ReportFormat], language: ReportLanguage = .english, to directory: String)
        throws -> [String]
    {
        var files: [(name: String, data: Data)] = []
        for format in formats { files += try format.renderer(in: language).files(report) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let paths = files.map { (directory as NSString).appendingPathComponent($0.name) }
        try AtomicFile.writeAll(zip(paths, files).map { ($0, $1.data) })
        return paths
    }
}
