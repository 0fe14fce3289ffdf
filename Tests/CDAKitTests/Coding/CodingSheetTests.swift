import CDATestSupport
import Testing

@testable import CDAKit

@Suite struct CodingSheetTests {
    private let header = "document\tutterance\tstart\tend\tcode\tround\tcoder\tmemo\ttext\n"

    @Test func importIsAllOrNothingWithEveryBadLine() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let sheet =
            header + """
                # a comment
                cit\t2\t\t\tsnel contact\t1\ta\t\tignored text
                nope\t1\t\t\tx\t\t\t\t
                cit\t9\t\t\tx\t\t\t\t
                cit\t2\t3\t999\tx\t\t\t\t
                cit\t2\t\t\t\t\t\t\t
                cit\t2-1\t\t\tx
                cit\t2\t4\t\tx
                cit\t2\t\t\tx\t3
                """
        let path = folder.write("bad.tsv", sheet)
        let error = #expect(throws: SheetError.self) { try SheetImporter.importSheet(at: path, into: store, defaultCoder: "z") }
        #expect(error?.issues.map(\.line) == [7, 8, 9, 10])
        let second = try #require(error).issues.map(\.message)
        #expect(second[0] == "the code is empty")
        #expect(second[1] == "utterance '2-1' is not a number N or a range N-M with N ≤ M")
        #expect(second[2] == "give both start and end, or neither")
        #expect(second[3] == "round '3' must be 1 or 2")
        // Fix the syntax errors; the corpus errors are found next, all at once.
        let corpusErrors = folder.write(
            "corpus.tsv",
            header + """
                cit\t2\t\t\tsnel contact\t1\ta\t\t
                nope\t1\t\t\tx\t\t\t\t
                cit\t9\t\t\tx\t\t\t\t
                cit\t2\t3\t999\tx\t\t\t\t
                """)
        let second2 = #expect(throws: SheetError.self) { try SheetImporter.importSheet(at: corpusErrors, into: store, defaultCoder: "z") }
        #expect(
            second2?.issues.map(\.description) == [
                "\(corpusErrors):3: Unknown document 'nope'. List documents with 'cda documents'.",
                "\(corpusErrors):4: Document 'cit' has utterances 1–5; 9 is outside.",
                "\(corpusErrors):5: Offset 999 is outside utterance 2 of 'cit', which has 52 characters (offsets 0–52).",
            ])
        #expect(try store.codes().isEmpty)
    }

    @Test func importTwiceAddsNothingTwiceAndExportRoundTrips() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let sheet =
            header + """
                cit\t2\t\t\tsnel contact\t\ta\tmemo één\t
                cit\t3-4\t0\t3\t"wij nederlanders"\t1\tb\t\t
                exp\t2\t0\t11\tkritiek op efficiëntie\t1\ta\t\t
                """
        let path = folder.write("r1.tsv", sheet)
        let first = try SheetImporter.importSheet(at: path, into: store, defaultCoder: "z")
        #expect(first.added == 3)
        #expect(first.codesCreated.sorted() == ["kritiek op efficiëntie", "snel contact", "wij nederlanders"])
        let again = try SheetImporter.importSheet(at: path, into: store, defaultCoder: "z")
        #expect(again.added == 0)
        #expect(again.alreadyPresent == 3)
        #expect(try store.codes().first { $0.name == "wij nederlanders" }?.origin == .inVivo)
        let rows = try store.sheetRows()
        #expect(
            rows == [
                ["cit", "2", "", "", "snel contact", "1", "a", "memo één", "De overheid moet snel reageren, één loket is genoeg.", "", ""],
                [
                    "cit", "3-4", "0", "3", "\"wij nederlanders\"", "1", "b", "",
                    "China is een nachtmerrie met dat sociaal kredietsysteem. Wij", "", "",
                ],
                ["exp", "2", "0", "11", "kritiek op efficiëntie", "1", "a", "", "Efficiëntie", "", ""],
            ])
        // The exported sheet imports into a fresh project with the same codings.
        let other = TemporaryDirectory()
        let copy = try CodingFixtures.project(in: other)
        let exported = other.write("export.tsv", CodingSheet.render(rows))
        #expect(try SheetImporter.importSheet(at: exported, into: copy, defaultCoder: "z").added == 3)
        #expect(try copy.sheetRows() == rows)
    }

    @Test func ownExportReimportsAfterACodeWasRetired() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "user utopia", coder: "a"))
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 3), codeName: "vertrouwen", coder: "a"))
        let path = folder.write("ronde1.tsv", CodingSheet.render(try store.sheetRows(round: 1)))
        _ = try store.retireCode("user utopia", actor: "a")
        let before = try store.dump()
        let again = try SheetImporter.importSheet(at: path, into: store, defaultCoder: "z")
        #expect(again.added == 0)
        #expect(again.alreadyPresent == 2)
        #expect(again.codesCreated.isEmpty)
        #expect(try store.dump() == before)
        // A new coding with the retired code is still refused.
        #expect(throws: CodingError.self) {
            try store.addCoding(
                CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 4), codeName: "user utopia", coder: "a"))
        }
    }

    @Test func uncodedRowsLeaveOutModeratorsAndCodedUtterances() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2, endUtterance: 3), codeName: "x", coder: "a"))
        let rows = try store.sheetRows(documentID: "cit", uncoded: true)
        #expect(rows.map { $0[1] } == ["4", "5"])
    }
}
