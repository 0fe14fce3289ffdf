import Foundation

/// Turns a computed report into files. Renderers format numbers; they never compute them.
public protocol ReportRenderer: Sendable {
    /// The files this renderer writes, by name, with their content.
    func render(_ report: ThemeReport) throws -> [(name: String, content: String)]
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

    /// The renderer for the format.
    public var renderer: any ReportRenderer {
        switch self {
        case .markdown: MarkdownReportRenderer()
        case .html: HTMLReportRenderer()
        case .csv: CSVReportRenderer()
        case .json: JSONReportRenderer()
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
