import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// Sheets as Excel and LibreOffice save them, built byte by byte.
@Suite struct SpreadsheetSheetTests {
    private let columns = "document\tutterance\tstart\tend\tcode\tround\tcoder\tmemo\ttext"

    /// Saves `cda`'s TSV the way a spreadsheet does: each cell holding a quote, the separator or a
    /// line break is wrapped in quotes with its quotes doubled; lines end in CRLF.
    private func spreadsheetSave(_ tsv: String, separator: String) -> String {
        tsv.split(separator: "\n").map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { cell in
                cell.contains("\"") || cell.contains(separator) || cell.contains("\n")
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : String(cell)
            }.joined(separator: separator)
        }.joined(separator: "\r\n") + "\r\n"
    }

    private func utf16LE(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    private func codedProject(in folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try CodingFixtures.project(in: folder)
        let sheet = folder.write(
            "r1.tsv",
            columns + "\n" + """
                cit\t2\t\t\tsnel contact\t1\ta\tzie "loket"\t
                cit\t3-4\t0\t3\t"wij nederlanders"\t1\tb\t\t
                exp\t2\t0\t11\t"menselijke maat"\t1\ta\tmemo; met puntkomma\t
                """)
        #expect(try SheetImporter.importSheet(at: sheet, into: store, defaultCoder: "z").added == 3)
        return store
    }

    @Test(arguments: ["\t", ";", ","])
    func ownExportAfterASpreadsheetAddsNothing(separator: String) throws {
        let folder = TemporaryDirectory()
        let store = try codedProject(in: folder)
        let exported = CodingSheet.render(try store.sheetRows())
        let saved = spreadsheetSave(exported, separator: separator)
        #expect(saved.contains("\"\"\"menselijke maat\"\"\""))
        let before = try store.dump()
        for (name, bytes) in [
            ("saved.txt", Array(saved.utf8)), ("unicode.txt", utf16LE(saved)), ("bom.csv", [0xEF, 0xBB, 0xBF] + Array(saved.utf8)),
        ] {
            let result = try SheetImporter.importSheet(at: folder.write(name, bytes: bytes), into: store, defaultCoder: "z")
            #expect(result.added == 0, "\(name)")
            #expect(result.alreadyPresent == 3, "\(name)")
            #expect(result.codesCreated.isEmpty, "\(name)")
        }
        #expect(try store.dump() == before)
        #expect(try store.codes().filter { $0.origin == .inVivo }.map(\.name).sorted() == ["menselijke maat", "wij nederlanders"])
    }

    @Test func excelUnicodeTextIsUTF16WithQuotedCells() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let text =
            columns + "\r\n"
            + "cit\t2\t\t\t\"\"\"wij nederlanders\"\"\"\t1\ta\t\"twee\r\nregels met \"\"quote\"\"\"\t\r\n"
            + "cit\t3\t\t\temoji 🙂 en één\t\ta\t\t\r\n"
        let path = folder.write("excel.txt", bytes: utf16LE(text))
        let result = try SheetImporter.importSheet(at: path, into: store, defaultCoder: "z")
        #expect(result.added == 2)
        #expect(result.notices.isEmpty)
        let codes = try store.codes()
        #expect(codes.first { $0.name == "wij nederlanders" }?.origin == .inVivo)
        #expect(codes.contains { $0.name == "emoji 🙂 en één" })
        #expect(try store.sheetRows().map { $0[7] }.contains("twee\nregels met \"quote\""))
    }

    @Test func dutchExcelCSVWithSemicolonsQuotesAndCRLF() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let csv =
            "document;utterance;start;end;code;round;coder;memo;text\r\n"
            + "cit;2;;;\"een \"\"geciteerde\"\" code\";1;a;\"memo; met\r\nregelovergang\";\r\n"
            + ";;;;;;;;\r\n"
            + "cit;3;;;\"\"\"in vivo\"\"\";;a;;\r\n"
        let result = try SheetImporter.importSheet(at: folder.write("nl.csv", csv), into: store, defaultCoder: "z")
        #expect(result.added == 2)
        let codes = try store.codes()
        #expect(codes.first { $0.name == "een \"geciteerde\" code" }?.origin == .analyst)
        #expect(codes.first { $0.name == "in vivo" }?.origin == .inVivo)
        // A bad row after a cell with a line break is reported on its own line of the file.
        let bad = "document;utterance;start;end;code\r\ncit;2;;;\"a\r\nb\"\r\ncit;x;;;c\r\n"
        let error = #expect(throws: SheetError.self) {
            try SheetImporter.importSheet(at: folder.write("bad.csv", bad), into: store, defaultCoder: "z")
        }
        #expect(
            error?.issues.map(\.description) == ["\(folder.file("bad.csv")):4: utterance 'x' is not a number N or a range N-M with N ≤ M"])
    }

    @Test func windows1252CSVIsReadWithANotice() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let bytes = Array("document;utterance;start;end;code\r\ncit;2;;;kritiek op effici".utf8) + [0xEB] + Array("ntie\r\n".utf8)
        let result = try SheetImporter.importSheet(at: folder.write("ansi.csv", bytes: bytes), into: store, defaultCoder: "z")
        #expect(result.codesCreated == ["kritiek op efficiëntie"])
        #expect(result.notices.map(\.kind) == [.encodingGuessed])
        #expect(result.notices.first?.location.line == 2)
        // Named, the encoding is read without a notice.
        let otherFolder = TemporaryDirectory()
        let other = try CodingFixtures.project(in: otherFolder)
        let named = try SheetImporter.importSheet(at: folder.file("ansi.csv"), into: other, defaultCoder: "z", encoding: .windows1252)
        #expect(named.codesCreated == ["kritiek op efficiëntie"])
        #expect(named.notices.isEmpty)
    }

    @Test func unclosedQuoteNamesItsLine() throws {
        let sheet = "document,utterance,start,end,code\ncit,2,,,x\ncit,3,,,\"y\ncit,4,,,z\n"
        let error = #expect(throws: SheetError.self) { try CodingSheet.parse(sheet, file: "s.csv", defaultCoder: "z").get() }
        #expect(error?.issues.map(\.description) == ["s.csv:3: a quoted cell starts here and is never closed (a \" is missing)"])
    }

    /// Quoting decided on evidence from the whole file.
    @Test(arguments: [
        // cda's own TSV: `"x"` is kept, an in-vivo code.
        ("document\tutterance\tstart\tend\tcode\ncit\t2\t\t\t\"x\"\n", SheetTable.Quoting.none, "\"x\""),
        // A quote inside a cell of cda's own TSV.
        (
            "document\tutterance\tstart\tend\tcode\tround\tcoder\tmemo\ncit\t2\t\t\t\"x\"\t\t\tzie \"\"y\"\"\n", SheetTable.Quoting.none,
            "\"x\""
        ),
        // Spreadsheet-quoted TSV: a doubled quote is the evidence.
        ("document\tutterance\tstart\tend\tcode\ncit\t2\t\t\t\"\"\"x\"\"\"\n", SheetTable.Quoting.rfc4180, "\"x\""),
        // A quoted header ("quote all text cells").
        ("\"document\"\t\"utterance\"\t\"start\"\t\"end\"\t\"code\"\n\"cit\"\t2\t\t\t\"x\"\n", SheetTable.Quoting.rfc4180, "x"),
        // A TAB inside quotes.
        ("document\tutterance\tstart\tend\tcode\tround\tcoder\tmemo\ncit\t2\t\t\tx\t\t\t\"a\tb\"\n", SheetTable.Quoting.rfc4180, "x"),
        // CSV is always RFC 4180.
        ("document,utterance,start,end,code\ncit,2,,,\"x\"\n", SheetTable.Quoting.rfc4180, "x"),
        ("# comment \"\ndocument;utterance;start;end;code\r\ncit;2;;;\"\"\"x\"\"\"\r\n", SheetTable.Quoting.rfc4180, "\"x\""),
    ])
    func quotingIsDecidedForTheWholeFile(sheet: String, quoting: SheetTable.Quoting, code: String) throws {
        let table = try SheetTable.read(sheet)
        #expect(table.quoting == quoting)
        #expect(table.records.last?.cells[4] == code)
        #expect(table.records.last?.line == table.records.count + (sheet.hasPrefix("#") ? 1 : 0))
    }
}
