import Foundation

/// Reads a coding-sheet file and imports it into a project, all or nothing.
public enum SheetImporter {
    /// Imports the sheet at `path`.
    ///
    /// - Throws: `IngestError` when the file cannot be read as text, `SheetError` with every bad row.
    public static func importSheet(at path: String, into store: ProjectStore, defaultCoder: String) throws -> SheetImportResult {
        let text = try TextDecoding.decode(try SourceFile(contentsOf: path))
        switch CodingSheet.parse(text, file: path, defaultCoder: defaultCoder) {
        case .failure(let error): throw error
        case .success(let rows): return try store.importSheet(rows, file: path)
        }
    }
}
