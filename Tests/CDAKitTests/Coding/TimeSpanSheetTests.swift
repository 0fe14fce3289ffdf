import CDATestSupport
import Testing

@testable import CDAKit

/// Time-span codings in coding sheets: the `start_time` and `end_time` columns.
@Suite struct TimeSpanSheetTests {
    @Test func sheetsExportAndImportTimeSpans() throws {
        let folder = TemporaryDirectory()
        let store = try TimeSpanCodingTests.project(folder)
        try store.addTimeSpanCoding(
            TimeSpanCodingRequest(
                span: TimeSpan(documentID: "cit", startMilliseconds: 1_250, endMilliseconds: 3_000), codeName: "gelach", coder: "a",
                memo: "hardop"))
        try store.addTimeSpanCoding(TimeSpanCodingTests.request(4_000, 4_125, code: "stilte", coder: "b"))
        _ = try store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "snel contact", coder: "a"))
        let rows = try store.sheetRows()
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count == CodingSheet.columns.count })
        #expect(rows[1] == ["cit", "", "", "", "gelach", "1", "a", "hardop", "", "1.25", "3"])
        #expect(rows[2] == ["cit", "", "", "", "stilte", "1", "b", "", "", "4", "4.125"])
        #expect(rows[0].suffix(2) == ["", ""])
        let sheet = CodingSheet.render(rows)
        #expect(sheet.hasPrefix("document\tutterance\tstart\tend\tcode\tround\tcoder\tmemo\ttext\tstart_time\tend_time\n"))

        // Into a copy of the corpus with the same recording: the same codings, and again nothing.
        let other = TemporaryDirectory()
        let copy = try TimeSpanCodingTests.project(other)
        let path = other.write("sheet.tsv", sheet)
        let result = try SheetImporter.importSheet(at: path, into: copy, defaultCoder: "z")
        #expect(result.added == 3 && result.alreadyPresent == 0)
        #expect(try copy.sheetRows() == rows)
        #expect(try copy.timeSpanCodings().map(\.memo) == ["hardop", nil])
        #expect(try SheetImporter.importSheet(at: path, into: copy, defaultCoder: "z").alreadyPresent == 3)
    }

    @Test func badTimeRowsAreRefusedWithTheirLines() throws {
        let folder = TemporaryDirectory()
        let store = try TimeSpanCodingTests.project(folder)
        let header = CodingSheet.columns.joined(separator: "\t") + "\n"
        let syntax = folder.write(
            "syntax.tsv",
            header + """
                cit\t\t\t\tgelach\t\t\t\t\t1.5\t
                cit\t\t\t\tgelach\t\t\t\t\t1,5\t2
                cit\t2\t\t\tgelach\t\t\t\t\t1\t2
                cit\t\t\t\tgelach\t\t\t\t\t00:01\t2
                """)
        let error = #expect(throws: SheetError.self) { try SheetImporter.importSheet(at: syntax, into: store, defaultCoder: "z") }
        #expect(error?.issues.map(\.line) == [2, 3, 4, 5])
        #expect(error?.issues.first?.message == "give both start_time and end_time, or neither")
        #expect(error?.issues[1].message == "start_time '1,5' is not a number of seconds (such as 12.5, at most three decimals)")
        let corpus = folder.write(
            "corpus.tsv",
            header + """
                cit\t\t\t\tgelach\t\t\t\t\t1\t2
                cit\t\t\t\tgelach\t\t\t\t\t3\t2
                exp\t\t\t\tgelach\t\t\t\t\t1\t2
                cit\t\t\t\tgelach\t\t\t\t\t9\t11
                """)
        let second = #expect(throws: SheetError.self) { try SheetImporter.importSheet(at: corpus, into: store, defaultCoder: "z") }
        #expect(second?.issues.map(\.line) == [3, 4, 5])
        #expect(try store.timeSpanCodings().isEmpty)  // all or nothing
    }
}
