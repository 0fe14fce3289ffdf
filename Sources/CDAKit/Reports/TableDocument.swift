public import Foundation

/// A titled table with a caption and notes, as the code matrix and the co-occurrence table are
/// written: CSV, Markdown, HTML, Word or OpenDocument. Every cell is already text; this type only
/// lays it out.
public struct TableDocument: Sendable, Hashable {
    /// The file formats.
    public enum Format: String, Sendable, CaseIterable {
        /// RFC 4180 CSV of the figures, unrounded, with ids.
        case csv
        /// A Markdown table.
        case markdown = "md"
        /// A self-contained page (inline CSS and SVG, no scripts).
        case html
        /// A Word document.
        case docx
        /// An OpenDocument text.
        case odt

        /// The format names for messages: `csv, md, html, docx or odt`.
        public static let names = allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + (allCases.last?.rawValue ?? "")

        /// Whether the format is a binary package that cannot go to a terminal.
        public var isPackage: Bool { self == .docx || self == .odt }
    }

    /// The title.
    public var title: String
    /// One line under the title: round, unit, who counts.
    public var caption: String
    /// The header of the table people read.
    public var header: [String]
    /// The rows of the table people read.
    public var rows: [[String]]
    /// The CSV rows, header first: numbers unrounded, ids rather than labels.
    public var csv: [[String]]
    /// Definitions printed under the table.
    public var notes: [String]
    /// The chart or shaded table the HTML shows instead of the plain table, if any.
    var figure: String?
    /// The language of the page (`<html lang>`).
    var language: ReportLanguage

    /// The file in `format`.
    ///
    /// - Throws: `ExchangeError` when a Word or OpenDocument package cannot be built.
    public func data(_ format: Format) throws -> Data {
        switch format {
        case .csv: return Data(CSVReportRenderer.csv(csv).utf8)
        case .markdown: return Data(markdown.utf8)
        case .html: return Data(html.utf8)
        case .docx:
            let entries = DOCXReportRenderer.parts(document).map { ZipPackage.Entry(path: $0.name, data: Data($0.content.utf8)) }
            return try ZipPackage.data(entries, name: "\(title).docx")
        case .odt:
            let entries = ODTReportRenderer.parts(document).map {
                ZipPackage.Entry(path: $0.name, data: Data($0.content.utf8), stored: $0.name == "mimetype")
            }
            return try ZipPackage.data(entries, name: "\(title).odt")
        }
    }

    /// The Markdown: title, caption, table, notes.
    var markdown: String {
        let renderer = MarkdownReportRenderer(language: language)
        var out = ["# " + title, "", caption, ""]
        out += renderer.table(header, rows)
        if !notes.isEmpty { out += [""] + notes.map { "- " + $0 } }
        return out.joined(separator: "\n") + "\n"
    }

    /// The page: title, caption, figure (or the plain table), notes.
    var html: String {
        let renderer = HTMLReportRenderer(language: language)
        let body =
            "<h1>\(renderer.escape(title))</h1><p class=\"meta\">\(renderer.escape(caption))</p>"
            + (figure ?? renderer.table(header, rows)) + notes.map { "<p class=\"note\">\(renderer.escape($0))</p>" }.joined()
        return renderer.page(title: title, body: body)
    }

    /// The word-processor document: title, caption, table, notes.
    var document: ReportDocument {
        ReportDocument(
            title: title,
            blocks: [.title(title), .paragraph([.init(text: caption)]), .table(header: header, rows: rows)]
                + notes.map { .paragraph([.init(text: $0, italic: true)]) })
    }
}
