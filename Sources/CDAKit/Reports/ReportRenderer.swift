public import Foundation

/// Turns a computed report into files. Renderers format numbers; they never compute them.
public protocol ReportRenderer: Sendable {
    /// The files this renderer writes, by name, with their content.
    func render(_ report: ThemeReport) throws -> [(name: String, content: String)]

    /// The files as they are written: the rendered text as UTF-8, or a package built from it
    /// (`.docx`, `.odt`).
    func files(_ report: ThemeReport) throws -> [(name: String, data: Data)]
}

extension ReportRenderer {
    /// The rendered files as UTF-8.
    public func files(_ report: ThemeReport) throws -> [(name: String, data: Data)] {
        try render(report).map { ($0.name, Data($0.content.utf8)) }
    }
}

/// The report formats `cda report` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `report.md`.
    case markdown = "md"
    /// `report.html`, self-contained.
    case html
    /// `themes.csv` and `codes.csv`.
    case csv
    /// `report.json`.
    case json
    /// `report.docx`, for Word.
    case docx
    /// `report.odt`, for LibreOffice and other OpenDocument editors.
    case odt

    /// The formats `cda report` writes when none are named.
    public static let defaults: [ReportFormat] = [.markdown, .html, .csv, .json]

    /// The format names for messages: `md, html, csv, json, docx or odt`.
    public static let names = allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + (allCases.last?.rawValue ?? "")

    /// The renderer for the format, in English.
    public var renderer: any ReportRenderer { renderer(in: .english) }

    /// The renderer for the format; Markdown, HTML, Word and OpenDocument write their labels,
    /// headings, definitions and numbers in `language`.
    public func renderer(in language: ReportLanguage) -> any ReportRenderer {
        switch self {
        case .markdown: MarkdownReportRenderer(language: language)
        case .html: HTMLReportRenderer(language: language)
        case .csv: CSVReportRenderer()
        case .json: JSONReportRenderer()
        case .docx: DOCXReportRenderer(language: language)
        case .odt: ODTReportRenderer(language: language)
        }
    }
}

/// `report.json`: the contract, numbers unrounded, keys sorted, no time stamp.
public struct JSONReportRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// Renders `report.json`.
    public func render(_ report: ThemeReport) throws -> [(name: String, content: String)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [("report.json", String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")]
    }
}
