public import Foundation

/// `report.docx`: the report as an Office Open XML word-processing document, with the styles
/// Title, Heading 1–3 (with outline levels, so headings appear in Word's navigation pane) and a
/// table style, for researchers who paste tables into Word.
public struct DOCXReportRenderer: ReportRenderer {
    /// The language of labels, headings, definitions and numbers.
    public var language: ReportLanguage

    /// Creates the renderer.
    public init(language: ReportLanguage = .english) { self.language = language }

    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The package's parts, unzipped: `[Content_Types].xml`, the relationships, `word/document.xml`
    /// and `word/styles.xml`.
    public func render(_ report: ThemeReport) throws -> [(name: String, content: String)] {
        Self.parts(ReportDocument(report, language: language))
    }

    /// `report.docx`, the parts in a ZIP package.
    public func files(_ report: ThemeReport) throws -> [(name: String, data: Data)] {
        let entries = try render(report).map { ZipPackage.Entry(path: $0.name, data: Data($0.content.utf8)) }
        return [("report.docx", try ZipPackage.data(entries, name: "report.docx"))]
    }

    static func parts(_ document: ReportDocument) -> [(name: String, content: String)] {
        [
            ("[Content_Types].xml", contentTypes()), ("_rels/.rels", packageRelationships()),
            ("word/_rels/document.xml.rels", documentRelationships()), ("word/document.xml", body(document)),
            ("word/styles.xml", styles()), ("docProps/core.xml", core(document.title)),
        ]
    }

    private static func contentTypes() -> String {
        var xml = XMLWriter()
        xml.start("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")])
        xml.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        xml.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
        let word = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        xml.empty("Override", [("PartName", "/word/document.xml"), ("ContentType", word + ".document.main+xml")])
        xml.empty("Override", [("PartName", "/word/styles.xml"), ("ContentType", word + ".styles+xml")])
        xml.empty(
            "Override", [("PartName", "/docProps/core.xml"), ("ContentType", "application/vnd.openxmlformats-package.core-properties+xml")])
        xml.end()
        return xml.text
    }

    private static func packageRelationships() -> String {
        var xml = XMLWriter()
        xml.start("Relationships", [("xmlns", relationships)])
        xml.empty(
            "Relationship",
            [
                ("Id", "rId1"), ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"),
                ("Target", "word/document.xml"),
            ])
        xml.empty(
            "Relationship",
            [
                ("Id", "rId2"), ("Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"),
                ("Target", "docProps/core.xml"),
            ])
        xml.end()
        return xml.text
    }

    private static func documentRelationships() -> String {
        var xml = XMLWriter()
        xml.start("Relationships", [("xmlns", relationships)])
        xml.empty(
            "Relationship",
            [
                ("Id", "rId1"), ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"),
                ("Target", "styles.xml"),
            ])
        xml.end()
        return xml.text
    }

    private static func core(_ title: String) -> String {
        var xml = XMLWriter()
        xml.start(
            "cp:coreProperties",
            [
                ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
                ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ])
        xml.textElement("dc:title", title)
        xml.textElement("dc:creator", "cda")
        xml.end()
        return xml.text
    }

    /// The text width of an A4 page with 2.5 cm margins, in twentieths of a point.
    static let textWidth = 9_020

    private static func body(_ document: ReportDocument) -> String {
        var xml = XMLWriter()
        xml.start("w:document", [("xmlns:w", main)])
        xml.start("w:body")
        for block in document.blocks {
            switch block {
            case .title(let text): paragraph(&xml, style: "Title", [ReportDocument.Run(text: text)])
            case .heading(let text, let level): paragraph(&xml, style: "Heading\(level)", [ReportDocument.Run(text: text)])
            case .paragraph(let runs): paragraph(&xml, style: nil, runs)
            case .table(let header, let rows): table(&xml, header: header, rows: rows)
            }
        }
        xml.start("w:sectPr")
        xml.empty("w:pgSz", [("w:w", "11906"), ("w:h", "16838")])
        xml.empty(
            "w:pgMar",
            [("w:top", "1418"), ("w:right", "1418"), ("w:bottom", "1418"), ("w:left", "1418"), ("w:header", "709"), ("w:footer", "709")])
        xml.end()
        xml.end()
        xml.end()
        return xml.text
    }

    private static func paragraph(_ xml: inout XMLWriter, style: String?, _ runs: [ReportDocument.Run], bold: Bool = false) {
        xml.start("w:p")
        if let style {
            xml.start("w:pPr")
            xml.empty("w:pStyle", [("w:val", style)])
            xml.end()
        }
        for run in runs {
            xml.start("w:r")
            if run.bold || run.italic || bold {
                xml.start("w:rPr")
                if run.bold || bold { xml.empty("w:b") }
                if run.italic { xml.empty("w:i") }
                xml.end()
            }
            xml.textElement("w:t", run.text, [("xml:space", "preserve")])
            xml.end()
        }
        xml.end()
    }

    private static func table(_ xml: inout XMLWriter, header: [String], rows: [[String]]) {
        let width = textWidth / max(header.count, 1)
        xml.start("w:tbl")
        xml.start("w:tblPr")
        xml.empty("w:tblStyle", [("w:val", "ReportTable")])
        xml.empty("w:tblW", [("w:w", "5000"), ("w:type", "pct")])
        xml.empty("w:tblLook", [("w:val", "0420"), ("w:firstRow", "1"), ("w:firstColumn", "0"), ("w:noVBand", "1")])
        xml.end()
        xml.start("w:tblGrid")
        for _ in header { xml.empty("w:gridCol", [("w:w", "\(width)")]) }
        xml.end()
        for (index, row) in ([header] + rows).enumerated() {
            xml.start("w:tr")
            if index == 0 {
                xml.start("w:trPr")
                xml.empty("w:tblHeader")
                xml.end()
            }
            for cell in row {
                xml.start("w:tc")
                xml.start("w:tcPr")
                xml.empty("w:tcW", [("w:w", "\(width)"), ("w:type", "dxa")])
                xml.end()
                paragraph(&xml, style: "TableText", [ReportDocument.Run(text: cell)], bold: index == 0)
                xml.end()
            }
            xml.end()
        }
        xml.end()
        // Word joins two tables that follow each other; an empty paragraph keeps them apart.
        xml.empty("w:p")
    }

    private static func styles() -> String {
        var xml = XMLWriter()
        xml.start("w:styles", [("xmlns:w", main)])
        xml.start("w:docDefaults")
        xml.start("w:rPrDefault")
        xml.start("w:rPr")
        xml.empty("w:rFonts", [("w:ascii", "Calibri"), ("w:hAnsi", "Calibri"), ("w:cs", "Calibri"), ("w:eastAsia", "Calibri")])
        xml.empty("w:sz", [("w:val", "22")])
        xml.end()
        xml.end()
        xml.start("w:pPrDefault")
        xml.start("w:pPr")
        xml.empty("w:spacing", [("w:after", "120"), ("w:line", "264"), ("w:lineRule", "auto")])
        xml.end()
        xml.end()
        xml.end()
        xml.start("w:style", [("w:type", "paragraph"), ("w:default", "1"), ("w:styleId", "Normal")])
        xml.empty("w:name", [("w:val", "Normal")])
        xml.empty("w:qFormat")
        xml.end()
        paragraphStyle(&xml, id: "Title", name: "Title", size: 48, outline: nil, spaceBefore: 0)
        for level in 1...3 {
            paragraphStyle(
                &xml, id: "Heading\(level)", name: "heading \(level)", size: [32, 28, 24][level - 1], outline: level - 1, spaceBefore: 240)
        }
        xml.start("w:style", [("w:type", "paragraph"), ("w:customStyle", "1"), ("w:styleId", "TableText")])
        xml.empty("w:name", [("w:val", "Table Text")])
        xml.empty("w:basedOn", [("w:val", "Normal")])
        xml.start("w:pPr")
        xml.empty("w:spacing", [("w:before", "20"), ("w:after", "20")])
        xml.end()
        xml.end()
        xml.start("w:style", [("w:type", "table"), ("w:customStyle", "1"), ("w:styleId", "ReportTable")])
        xml.empty("w:name", [("w:val", "Report Table")])
        xml.start("w:tblPr")
        xml.start("w:tblBorders")
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml.empty("w:" + side, [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "808080")])
        }
        xml.end()
        xml.start("w:tblCellMar")
        xml.empty("w:left", [("w:w", "80"), ("w:type", "dxa")])
        xml.empty("w:right", [("w:w", "80"), ("w:type", "dxa")])
        xml.end()
        xml.end()
        xml.start("w:tblStylePr", [("w:type", "firstRow")])
        xml.start("w:rPr")
        xml.empty("w:b")
        xml.end()
        xml.start("w:tcPr")
        xml.empty("w:shd", [("w:val", "clear"), ("w:color", "auto"), ("w:fill", "E7E6E6")])
        xml.end()
        xml.end()
        xml.end()
        xml.end()
        return xml.text
    }

    private static func paragraphStyle(_ xml: inout XMLWriter, id: String, name: String, size: Int, outline: Int?, spaceBefore: Int) {
        xml.start("w:style", [("w:type", "paragraph"), ("w:styleId", id)])
        xml.empty("w:name", [("w:val", name)])
        xml.empty("w:basedOn", [("w:val", "Normal")])
        xml.empty("w:next", [("w:val", "Normal")])
        xml.empty("w:qFormat")
        xml.start("w:pPr")
        xml.empty("w:keepNext")
        xml.empty("w:spacing", [("w:before", "\(spaceBefore)"), ("w:after", "120")])
        if let outline { xml.empty("w:outlineLvl", [("w:val", "\(outline)")]) }
        xml.end()
        xml.start("w:rPr")
        xml.empty("w:b")
        xml.empty("w:sz", [("w:val", "\(size)")])
        xml.end()
        xml.end()
    }
}
