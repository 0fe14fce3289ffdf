import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

@Suite struct SheetWorkbookTests {
    @Test func exportedWorkbookImportsBackAddingNothing() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let sheet = folder.write(
            "r1.tsv",
            CodingSheet.columns.joined(separator: "\t") + "\n" + """
                cit\t2\t\t\tsnel contact 🙂\t1\ta\tmemo één <&>\t
                cit\t3-4\t0\t3\t"wij nederlanders"\t1\tb\t\t
                exp\t2\t0\t11\t0012\t1\ta\t\t
                """)
        #expect(try SheetImporter.importSheet(at: sheet, into: store, defaultCoder: "z").added == 3)
        let rows = try store.sheetRows()
        let path = folder.file("r1.xlsx")
        try SheetWorkbook.write(rows, to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let records = try SheetWorkbook.read(at: path)
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records.first?.cells == CodingSheet.columns)
        #expect(
            records.dropFirst().map { row in row.cells + Array(repeating: "", count: CodingSheet.columns.count - row.cells.count) } == rows)
        let worksheet = SheetWorkbook.worksheet([CodingSheet.columns] + rows)
        #expect(worksheet.contains("<c r=\"E4\" s=\"1\" t=\"inlineStr\"><is><t>0012</t></is></c>"))
        #expect(worksheet.contains("state=\"frozen\""))
        let before = try store.dump()
        let again = try SheetImporter.importSheet(at: path, into: store, defaultCoder: "z")
        #expect(again.added == 0)
        #expect(again.alreadyPresent == 3)
        #expect(try store.dump() == before)
    }

    /// A workbook as Excel, LibreOffice and openpyxl save it: shared strings, rich text, numbers,
    /// cells left out, an absolute relationship target.
    @Test func workbookWithSharedStringsAndNumbers() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let main = SheetWorkbook.mainNamespace
        let shared =
            SheetWorkbook.declaration + """
                <sst xmlns="\(main)" count="12" uniqueCount="12">\
                <si><t>document</t></si><si><t>utterance</t></si><si><t>start</t></si><si><t>end</t></si>\
                <si><t>code</t></si><si><t>round</t></si><si><t>coder</t></si><si><t>memo</t></si>\
                <si><t>cit</t></si><si><r><rPr><b/></rPr><t>"menselijke</t></r><r><t xml:space="preserve"> maat"</t></r>\
                <rPh><t>x</t></rPh></si><si><t>3-4</t></si><si><t>vertrouwen</t></si></sst>
                """
        let sheet =
            SheetWorkbook.declaration + """
                <worksheet xmlns="\(main)"><sheetData>\
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
                <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c>\
                <c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c></row>\
                <row r="2"><c r="A2" t="s"><v>8</v></c><c r="B2"><v>2</v></c><c r="E2" t="s"><v>9</v></c><c r="F2"><v>1.0</v></c></row>\
                <row r="4"><c r="A4" t="s"><v>8</v></c><c r="B4" t="s"><v>10</v></c><c r="C4"><v>0</v></c><c r="D4"><v>3</v></c>\
                <c r="E4" t="s"><v>11</v></c><c r="G4" t="inlineStr"><is><t>b</t></is></c></row>\
                </sheetData></worksheet>
                """
        let path = folder.file("excel.xlsx")
        try QDPXArchive.write(
            [
                ("[Content_Types].xml", SheetWorkbook.contentTypes),
                (
                    "xl/workbook.xml",
                    SheetWorkbook.declaration + """
                        <workbook xmlns="\(main)" xmlns:r="\(SheetWorkbook.officeRelationships)">\
                        <sheets><sheet name="Blad1" sheetId="1" r:id="rId7"/></sheets></workbook>
                        """
                ),
                (
                    "xl/_rels/workbook.xml.rels",
                    SheetWorkbook.declaration + """
                        <Relationships xmlns="\(SheetWorkbook.relationshipNamespace)">\
                        <Relationship Id="rId7" Type="\(SheetWorkbook.officeRelationships)/worksheet" Target="/xl/worksheets/blad1.xml"/>\
                        <Relationship Id="rId8" Type="\(SheetWorkbook.officeRelationships)/sharedStrings" Target="sharedStrings.xml"/>\
                        </Relationships>
                        """
                ),
                ("xl/sharedStrings.xml", shared),
                ("xl/worksheets/blad1.xml", sheet),
            ], to: path)
        let records = try SheetWorkbook.read(at: path)
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].cells == ["cit", "2", "", "", "\"menselijke maat\"", "1"])
        #expect(records[2].cells == ["cit", "3-4", "0", "3", "vertrouwen", "", "b"])
        let result = try SheetImporter.importSheet(at: path, into: store, defaultCoder: "z")
        #expect(result.added == 2)
        #expect(try store.codes().first { $0.name == "menselijke maat" }?.origin == .inVivo)
    }

    @Test func badRowNamesItsSpreadsheetRow() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let path = folder.file("bad.xlsx")
        try SheetWorkbook.write([["cit", "2", "", "", "x"], [], ["cit", "zz", "", "", "y"]], to: path)
        let error = #expect(throws: SheetError.self) { try SheetImporter.importSheet(at: path, into: store, defaultCoder: "z") }
        #expect(error?.issues.map(\.description) == ["\(path):4: utterance 'zz' is not a number N or a range N-M with N ≤ M"])
    }

    @Test(arguments: [(0, "A"), (8, "I"), (25, "Z"), (26, "AA"), (701, "ZZ")])
    func columnNames(index: Int, name: String) {
        #expect(SheetWorkbook.columnName(index) == name)
        #expect(SheetWorkbook.columnIndex(of: name + "12") == index)
    }
}
