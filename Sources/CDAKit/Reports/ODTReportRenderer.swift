public import Foundation

/// `report.odt`: the report as an OpenDocument text, with the styles Title, Heading 1–3 (with
/// outline levels, so headings appear in LibreOffice's navigator) and a bordered table style.
public struct ODTReportRenderer: ReportRenderer {
    /// The language of labels, headings, definitions and numbers.
    public var language: ReportLanguage

    /// Creates the renderer.
    public init(language: ReportLanguage = .english) { self.language = language }

    static let mimeType = "application/vnd.oasis.opendocument.text"

    static let namespaces: [(String, String?)] = [
        ("xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
        ("xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
        ("xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
        ("xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"),
        ("xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"),
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ("xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"),
        ("office:version", "1.3"),
    ]

    /// The package's parts, unzipped: `mimetype`, the manifest, `content.xml`, `styles.xml` and
    /// `meta.xml`.
    public func render(_ report: ThemeReport) throws -> [(name: String, content: String)] {
        Self.parts(ReportDocument(report, language: language))
    }

    /// `report.odt`, the parts in a ZIP package with `mimetype` first and uncompressed.
    public func files(_ report: ThemeReport) throws -> [(name: String, data: Data)] {
        let entries = try render(report).map { ZipPackage.Entry(path: $0.name, data: Data($0.content.utf8), stored: $0.name == "mimetype") }
        return [("report.odt", try ZipPackage.data(entries, name: "report.odt"))]
    }

    static func parts(_ document: ReportDocument) -> [(name: String, content: String)] {
        [
            ("mimetype", mimeType), ("META-INF/manifest.xml", manifest()), ("content.xml", content(document)), ("styles.xml", styles()),
            ("meta.xml", meta(document.title)),
        ]
    }

    private static func manifest() -> String {
        var xml = XMLWriter()
        xml.start(
            "manifest:manifest", [("xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"), ("manifest:version", "1.3")])
        xml.empty("manifest:file-entry", [("manifest:full-path", "/"), ("manifest:version", "1.3"), ("manifest:media-type", mimeType)])
        for part in ["content.xml", "styles.xml", "meta.xml"] {
            xml.empty("manifest:file-entry", [("manifest:full-path", part), ("manifest:media-type", "text/xml")])
        }
        xml.end()
        return xml.text
    }

    private static func meta(_ title: String) -> String {
        var xml = XMLWriter()
        xml.start("office:document-meta", namespaces)
        xml.start("office:meta")
        xml.textElement("dc:title", title)
        xml.textElement("meta:generator", "cda")
        xml.end()
        xml.end()
        return xml.text
    }

    private static func content(_ document: ReportDocument) -> String {
        var xml = XMLWriter()
        xml.start("office:document-content", namespaces)
        xml.start("office:automatic-styles")
        xml.start("style:style", [("style:name", "ReportTable"), ("style:family", "table")])
        xml.empty("style:table-properties", [("style:width", "16cm"), ("table:align", "left")])
        xml.end()
        xml.start("style:style", [("style:name", "ReportCell"), ("style:family", "table-cell")])
        xml.empty("style:table-cell-properties", [("fo:border", "0.5pt solid #808080"), ("fo:padding", "0.05cm")])
        xml.end()
        xml.start("style:style", [("style:name", "ReportHeaderCell"), ("style:family", "table-cell")])
        xml.empty(
            "style:table-cell-properties",
            [("fo:border", "0.5pt solid #808080"), ("fo:padding", "0.05cm"), ("fo:background-color", "#e7e6e6")])
        xml.end()
        for (name, property) in [("Bold", "fo:font-weight"), ("Italic", "fo:font-style")] {
            xml.start("style:style", [("style:name", name), ("style:family", "text")])
            xml.empty("style:text-properties", [(property, name == "Bold" ? "bold" : "italic")])
            xml.end()
        }
        xml.end()
        xml.start("office:body")
        xml.start("office:text")
        var tables = 0
        for block in document.blocks {
            switch block {
            case .title(let text): xml.textElement("text:p", text, [("text:style-name", "Title")])
            case .heading(let text, let level):
                xml.textElement("text:h", text, [("text:style-name", "Heading_20_\(level)"), ("text:outline-level", "\(level)")])
            case .paragraph(let runs): xml.mixedElement("text:p", [("text:style-name", "Text_20_body")], runs.map(inline))
            case .table(let header, let rows):
                tables += 1
                table(&xml, name: "Table\(tables)", header: header, rows: rows)
            }
        }
        xml.end()
        xml.end()
        xml.end()
        return xml.text
    }

    private static func inline(_ run: ReportDocument.Run) -> XMLWriter.Inline {
        if run.bold { return .element("text:span", [("text:style-name", "Bold")], run.text) }
        if run.italic { return .element("text:span", [("text:style-name", "Italic")], run.text) }
        return .text(run.text)
    }

    private static func table(_ xml: inout XMLWriter, name: String, header: [String], rows: [[String]]) {
        xml.start("table:table", [("table:name", name), ("table:style-name", "ReportTable")])
        xml.empty("table:table-column", [("table:number-columns-repeated", "\(max(header.count, 1))")])
        xml.start("table:table-header-rows")
        row(&xml, header, cellStyle: "ReportHeaderCell", paragraphStyle: "Table_20_Heading")
        xml.end()
        for cells in rows { row(&xml, cells, cellStyle: "ReportCell", paragraphStyle: "Table_20_Contents") }
        xml.end()
    }

    private static func row(_ xml: inout XMLWriter, _ cells: [String], cellStyle: String, paragraphStyle: String) {
        xml.start("table:table-row")
        for cell in cells {
            xml.start("table:table-cell", [("table:style-name", cellStyle), ("office:value-type", "string")])
            xml.textElement("text:p", cell, [("text:style-name", paragraphStyle)])
            xml.end()
        }
        xml.end()
    }

    private static func styles() -> String {
        var xml = XMLWriter()
        xml.start("office:document-styles", namespaces)
        xml.start("office:styles")
        xml.start("style:default-style", [("style:family", "paragraph")])
        xml.empty("style:text-properties", [("style:font-name", "Liberation Sans"), ("fo:font-size", "11pt")])
        xml.end()
        xml.start("style:style", [("style:name", "Standard"), ("style:family", "paragraph"), ("style:class", "text")])
        xml.end()
        paragraphStyle(&xml, name: "Text_20_body", display: "Text body", parent: "Standard", size: nil, bold: false, outline: nil)
        paragraphStyle(&xml, name: "Title", display: "Title", parent: "Standard", size: "24pt", bold: true, outline: nil)
        for level in 1...3 {
            paragraphStyle(
                &xml, name: "Heading_20_\(level)", display: "Heading \(level)", parent: "Standard",
                size: ["16pt", "14pt", "12pt"][level - 1],
                bold: true, outline: level)
        }
        paragraphStyle(&xml, name: "Table_20_Contents", display: "Table Contents", parent: "Standard", size: nil, bold: false, outline: nil)
        paragraphStyle(
            &xml, name: "Table_20_Heading", display: "Table Heading", parent: "Table_20_Contents", size: nil, bold: true, outline: nil)
        xml.end()
        xml.end()
        return xml.text
    }

    private static func paragraphStyle(
        _ xml: inout XMLWriter, name: String, display: String, parent: String, size: String?, bold: Bool, outline: Int?
    ) {
        xml.start(
            "style:style",
            [
                ("style:name", name), ("style:display-name", display), ("style:family", "paragraph"), ("style:parent-style-name", parent),
                ("style:default-outline-level", outline.map { "\($0)" }), ("style:next-style-name", outline == nil ? nil : "Text_20_body"),
            ])
        xml.empty("style:paragraph-properties", [("fo:margin-top", outline == nil ? "0cm" : "0.4cm"), ("fo:margin-bottom", "0.2cm")])
        xml.empty("style:text-properties", [("fo:font-size", size), ("fo:font-weight", bold ? "bold" : nil)])
        xml.end()
    }
}
