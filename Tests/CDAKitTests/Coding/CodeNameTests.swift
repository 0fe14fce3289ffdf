import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// Control characters in code names are refused on every path that makes or renames a code, by
/// `CodeName.validated`: coding, rename, merge, move, split, coding sheets and REFI-QDA imports.
@Suite struct CodeNameTests {
    /// Names with a control character, and the character `validated` reports (value, 1-based position).
    static let refused: [(String, UInt32, Int)] = [
        ("a\u{0}b", 0x00, 2), ("a\tb", 0x09, 2), ("a\nb", 0x0A, 2), ("a\rb", 0x0D, 2), ("\u{1}ab", 0x01, 1), ("ab\u{1F}", 0x1F, 3),
        ("a\u{7F}b", 0x7F, 2), ("a\u{85}b", 0x85, 2), ("a\u{9F}b", 0x9F, 2), ("a\u{2028}b", 0x2028, 2), ("a\u{2029}b", 0x2029, 2),
        ("  trailing line\n", 0x0A, 14),
    ]

    @Test(arguments: refused)
    func controlCharactersAreRefused(name: String, scalar: UInt32, position: Int) {
        #expect(
            throws: CodingError.controlCharacterInCodeName(name.trimmingCharacters(in: .whitespaces), scalar: scalar, position: position)
        ) {
            try CodeName.validated(name)
        }
    }

    @Test func ordinaryNamesPass() throws {
        #expect(try CodeName.validated("  naïef \u{00A0}beleid ") == "naïef \u{00A0}beleid")
        #expect(try CodeName.validated("👩‍👩‍👧 gezin") == "👩‍👩‍👧 gezin")  // zero-width joiners are format characters, not controls
        #expect(throws: CodingError.emptyCodeName) { try CodeName.validated(" \u{3000} ") }
    }

    @Test func theMessageQuotesTheNameOnOneLine() {
        let message = CodingError.controlCharacterInCodeName("a\tb\u{85}", scalar: 9, position: 2).description
        #expect(
            message
                == "The code name 'a\\tb\\u{85}' has a tab (U+0009) at character 2; a code name is one line of text without tabs, line breaks or other control characters."
        )
        #expect(
            CodingError.controlCharacterInCodeName("a\u{0}b", scalar: 0, position: 2).description.hasPrefix(
                "The code name 'a\\0b' has a NUL character (U+0000)"))
    }

    @Test func everyStepThatNamesACodeRefusesThem() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "a", coder: "t"))
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 3), codeName: "b", coder: "t"))
        let before = try store.dump()
        let nul = CodingError.controlCharacterInCodeName("a\u{0}b", scalar: 0, position: 2)
        // A NUL once cut "a\0b" short to "a" and coded with the existing code 'a'.
        #expect(throws: nul) {
            try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 4), codeName: "a\u{0}b", coder: "t"))
        }
        #expect(throws: nul) { try store.mergeCodes(["b"], into: "a\u{0}b", actor: "t") }
        #expect(throws: nul) { try store.renameCode("a\u{0}b", to: "c", actor: "t") }
        let tab = CodingError.controlCharacterInCodeName("c\td", scalar: 9, position: 2)
        #expect(throws: tab) {
            try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 4), codeName: "c\td", coder: "t"))
        }
        #expect(throws: tab) { try store.renameCode("a", to: "c\td", actor: "t") }
        #expect(throws: tab) { try store.mergeCodes(["a", "b"], into: "c\td", actor: "t") }
        #expect(throws: tab) { try store.moveCode("a", under: "c\td", actor: "t") }
        #expect(throws: tab) { try store.splitCode("a", into: ["fine", "c\td"], actor: "t") }
        #expect(throws: tab) { try store.previewMerge(["a"], into: "c\td") }
        #expect(try store.dump() == before)
    }

    @Test func aCodeNamedBeforeTheRuleCanStillBeFoundAndRenamed() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        try store.executeForTesting(
            """
            INSERT INTO code(name, origin, round, status, color, createdAt, updatedAt)
            VALUES ('oud' || char(9) || 'met tab', 'analyst', 1, 'active', '#4e79a7', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')
            """)
        try store.renameCode("oud\tmet tab", to: "oud met tab", actor: "t")
        #expect(try store.codes().map(\.name) == ["oud met tab"])
    }

    @Test func sheetRowsWithControlCharactersAreRefusedByLine() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let path = folder.write(
            "sheet.tsv",
            "document\tutterance\tstart\tend\tcode\n"
                + "cit\t2\t\t\tgoed\n" + "cit\t3\t\t\tslecht\u{1}teken\n" + "cit\t4\t\t\t\"in\u{85}vivo\"\n")
        let error = #expect(throws: SheetError.self) { try SheetImporter.importSheet(at: path, into: store, defaultCoder: "t") }
        #expect(error?.issues.map(\.line) == [3, 4])
        #expect(
            error?.issues.first?.message == CodingError.controlCharacterInCodeName("slecht\u{1}teken", scalar: 1, position: 7).description)
        #expect(error?.issues.last?.message.contains("The code name 'in\\u{85}vivo' has a next-line character (NEL) (U+0085)") == true)
        // A NUL never reaches the code: a sheet with NUL bytes is refused as it is read.
        let nul = folder.write("nul.tsv", "document\tutterance\tstart\tend\tcode\ncit\t5\t\t\tnul\u{0}teken\n")
        let refused = #expect(throws: IngestError.self) { try SheetImporter.importSheet(at: nul, into: store, defaultCoder: "t") }
        #expect(refused?.description.contains("nul.tsv:2:12: the file contains NUL bytes") == true)
        #expect(try store.codes().isEmpty)
    }

    @Test func importedCodesWithControlCharactersAreRefused() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let codebook = ExchangeFixtures.codebook.replacingOccurrences(of: #"name="loket""#, with: #"name="lo&#9;ket""#)
        let path = folder.write("codes.qdc", codebook)
        let error = #expect(throws: ExchangeError.self) {
            try REFIExchange.importCodebook(path, into: store, options: .init(schemas: nil, actor: "a"))
        }
        #expect(
            error?.description.contains("code 6f1c2a3b-0000-4000-8000-0000000000a2 refused: The code name 'lo\\tket' has a tab (U+0009)")
                == true,
            "\(String(describing: error))")
        #expect(try store.codes().isEmpty)
    }
}
