import Foundation

/// A coding sheet as an Excel workbook (`.xlsx`, Office Open XML SpreadsheetML), written and read
/// without a spreadsheet library.
///
/// Written: a ZIP (deflate) with `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`,
/// `xl/_rels/workbook.xml.rels`, `xl/styles.xml` and one worksheet `xl/worksheets/sheet1.xml`
/// named `codings`. The worksheet has the sheet's columns; the header row is bold and frozen
/// (`<pane ySplit="1" state="frozen"/>`); the columns are formatted as text (number format 49,
/// `@`), so codes typed into new rows are not turned into numbers or dates; the `text` column is
/// wide and wrapped. Every cell is an inline string (`t="inlineStr"`, `<is><t>`), empty cells are
/// left out. A `text` cell longer than Excel's limit of 32,767 UTF-16 units is cut there (it is
/// only for reading). No shared strings, themes, formulas or document properties are written.
///
/// Read (`read(at:)`): the first worksheet named in `xl/workbook.xml`, found through its
/// relationships (relative or absolute targets), as Excel, LibreOffice and openpyxl save it:
/// shared strings (`t="s"`, rich-text runs joined, phonetic runs left out), inline strings,
/// formula strings (`t="str"`), booleans, and numbers, written without a fraction when whole
/// (`2`, not `2.0`). Cells are placed by their reference (`C7`), so left-out empty cells are
/// empty; the line of a record is its row number. The archive is read in memory with the same
/// limits and path checks as `.qdpx` files.
public enum SheetWorkbook {
    /// Excel's longest cell, in UTF-16 units.
    static let cellLimit = 32_767

    /// Writes `rows` (in `CodingSheet.columns` order) as a workbook at `path`, replacing it
    /// atomically; the file is readable by its owner only (0600).
    ///
    /// - Throws: `ExchangeError.writeFailed` with the system's reason.
    public static func write(_ rows: [[String]], to path: String) throws(ExchangeError) {
        try QDPXArchive.write(
            [
                ("[Content_Types].xml", contentTypes),
                ("_rels/.rels", packageRelationships),
                ("xl/workbook.xml", workbook),
                ("xl/_rels/workbook.xml.rels", workbookRelationships),
                ("xl/styles.xml", styles),
                ("xl/worksheets/sheet1.xml", worksheet([CodingSheet.columns] + rows)),
            ], to: path)
    }

    /// The worksheet's XML: header row styled bold, every cell an inline string.
    static func worksheet(_ rows: [[String]]) -> String {
        let last = columnName(CodingSheet.columns.count - 1)
        var xml =
            declaration + """
                <worksheet xmlns="\(mainNamespace)"><dimension ref="A1:\(last)\(rows.count)"/>\
                <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
                <selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
                <sheetFormatPr defaultRowHeight="15"/><cols>\
                <col min="1" max="1" width="14" style="1" customWidth="1"/>\
                <col min="2" max="4" width="10" style="1" customWidth="1"/>\
                <col min="5" max="5" width="30" style="1" customWidth="1"/>\
                <col min="6" max="7" width="8" style="1" customWidth="1"/>\
                <col min="8" max="8" width="30" style="2" customWidth="1"/>\
                <col min="9" max="9" width="90" style="2" customWidth="1"/>\
                <col min="10" max="11" width="10" style="1" customWidth="1"/></cols><sheetData>
                """
        let textColumn = CodingSheet.columns.firstIndex(of: "text") ?? 8
        for (index, row) in rows.enumerated() {
            let number = index + 1
            xml += "<row r=\"\(number)\">"
            for (column, cell) in row.enumerated() where !cell.isEmpty {
                var value = cell
                if column == textColumn, value.utf16.count > cellLimit {
                    var cut = ""
                    var units = 0
                    for character in value {
                        units += character.utf16.count
                        if units >= cellLimit { break }
                        cut.append(character)
                    }
                    value = cut + "…"
                }
                let style = index == 0 ? 3 : (7...textColumn).contains(column) ? 2 : 1
                let space =
                    value.first?.isWhitespace == true || value.last?.isWhitespace == true || value.contains("\n")
                    ? " xml:space=\"preserve\"" : ""
                xml +=
                    "<c r=\"\(columnName(column))\(number)\" s=\"\(style)\" t=\"inlineStr\"><is><t\(space)>"
                    + XMLWriter.escape(value, inAttribute: false) + "</t></is></c>"
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// `A` for 0, `Z` for 25, `AA` for 26.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes =
        declaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """

    static let packageRelationships =
        declaration + """
            <Relationships xmlns="\(relationshipNamespace)">\
            <Relationship Id="rId1" Type="\(officeRelationships)/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """

    static let workbook =
        declaration + """
            <workbook xmlns="\(mainNamespace)" xmlns:r="\(officeRelationships)">\
            <sheets><sheet name="codings" sheetId="1" r:id="rId1"/></sheets></workbook>
            """

    static let workbookRelationships =
        declaration + """
            <Relationships xmlns="\(relationshipNamespace)">\
            <Relationship Id="rId1" Type="\(officeRelationships)/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="\(officeRelationships)/styles" Target="styles.xml"/>\
            </Relationships>
            """

    /// Cell formats: 0 the default; 1 text (`@`); 2 text, wrapped, aligned top; 3 the bold header.
    static let styles =
        declaration + """
            <styleSheet xmlns="\(mainNamespace)">\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">\
            <alignment vertical="top" wrapText="1"/></xf>\
            <xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
}
