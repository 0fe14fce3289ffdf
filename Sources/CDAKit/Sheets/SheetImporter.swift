import Foundation

/// Reads a coding-sheet file and imports it into a project, all or nothing.
public enum SheetImporter {
    /// Imports the sheet at `path`: a TSV or CSV as `cda` writes it or a spreadsheet saves it
    /// (UTF-8 with or without a byte order mark, UTF-16 with one, or Windows-1252 with a notice),
    /// or an `.xlsx` workbook (recognised by its ZIP signature, see `SheetWorkbook`).
    ///
    /// - Throws: `IngestError` when the file cannot be read as text, `ExchangeError` when a
    ///   workbook cannot be read, `SheetError` with every bad row.
    /// - Parameters:
    ///   - path: The sheet.
    ///   - store: The project.
    ///   - defaultCoder: The coder for rows that name none.
    ///   - encoding: The encoding of a text sheet, or `nil` to detect it.
    public static func importSheet(at path: String, into store: ProjectStore, defaultCoder: String, encoding: TextEncoding? = nil) throws
        -> SheetImportResult
    {
        let (rows, notices) = try readSheet(at: path, defaultCoder: defaultCoder, encoding: encoding)
        var result = try store.importSheet(rows, file: path)
        result.notices = notices + result.notices
        return result
    }

    /// Reads the rows of the sheet at `path`, with what the reader decided on its own.
    ///
    /// - Throws: `IngestError` when the file cannot be read as text, `SheetError` with every bad row.
    static func readSheet(at path: String, defaultCoder: String, encoding: TextEncoding? = nil) throws -> ([CodingSheet.Row], [ReadNotice])
    {
        let source = try SourceFile(contentsOf: path)
        if SheetWorkbook.isWorkbook(source) {
            switch CodingSheet.parse(try SheetWorkbook.read(at: path), file: path, defaultCoder: defaultCoder) {
            case .failure(let error): throw error
            case .success(let rows): return (rows, [])
            }
        }
        let decoded = try TextDecoding.decode(source, encoding: encoding)
        switch CodingSheet.parse(decoded.text, file: path, defaultCoder: defaultCoder) {
        case .failure(let error): throw error
        case .success(let rows): return (rows, decoded.notices)
        }
    }
}
