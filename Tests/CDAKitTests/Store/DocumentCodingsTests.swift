import CDATestSupport
import Testing

@testable import CDAKit

@Suite struct DocumentCodingsTests {
    private func code(_ store: ProjectStore, _ fragment: Fragment, _ name: String, coder: String = "a", round: Int? = nil) throws -> Int64 {
        try store.addCoding(CodingRequest(fragment: fragment, codeName: name, round: round, coder: coder)).codingID
    }

    @Test func codingsOfARangeIncludeThoseThatOverlapIt() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let inside = try code(store, Fragment(documentID: "cit", startUtterance: 3, startOffset: 0, endOffset: 5), "china")
        let across = try code(store, Fragment(documentID: "cit", startUtterance: 1, startOffset: 4, endUtterance: 4, endOffset: 3), "lang")
        let after = try code(store, Fragment(documentID: "cit", startUtterance: 5), "later")
        _ = try code(store, Fragment(documentID: "exp", startUtterance: 3), "elders")
        let page = try store.codings(inDocument: "cit", utterances: 2...3)
        #expect(page.map(\.id) == [across, inside])
        #expect(page.map(\.code) == ["lang", "china"])
        #expect(page[1].fragment == Fragment(documentID: "cit", startUtterance: 3, startOffset: 0, endOffset: 5))
        #expect(try store.codings(inDocument: "cit").map(\.id) == [across, inside, after])
        #expect(try store.codings(inDocument: "cit", utterances: 5...9).map(\.id) == [after])
        #expect(throws: CorpusError.self) { try store.codings(inDocument: "nope") }
    }

    @Test func mergedCodesShowTheirTarget() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let id = try code(store, Fragment(documentID: "cit", startUtterance: 3), "china schrikbeeld")
        _ = try store.mergeCodes(["china schrikbeeld"], into: "china als dystopie", actor: "a")
        let coding = try store.coding(id: id)
        #expect(coding.code == "china als dystopie")
        #expect(coding.status == .active)
        #expect(coding.color != nil)
        try store.retireCode("china als dystopie", actor: "a")
        #expect(try store.coding(id: id).status == .retired)
        #expect(throws: CodingError.noSuchCoding("id 999")) { try store.coding(id: 999) }
    }

    @Test func memosOnCodingsAreSetAndCleared() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let id = try code(store, Fragment(documentID: "cit", startUtterance: 2), "snel")
        try store.setCodingMemo(id, memo: "één loket")
        #expect(try store.coding(id: id).memo == "één loket")
        try store.setCodingMemo(id, memo: "  ")
        #expect(try store.coding(id: id).memo == nil)
        #expect(throws: CodingError.noSuchCoding("id 42")) { try store.setCodingMemo(42, memo: "x") }
    }

    @Test func countsPerDocumentAndRound() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try code(store, Fragment(documentID: "cit", startUtterance: 2), "a")
        _ = try code(store, Fragment(documentID: "cit", startUtterance: 2), "b")
        _ = try code(store, Fragment(documentID: "cit", startUtterance: 3), "a", coder: "b")
        _ = try code(store, Fragment(documentID: "exp", startUtterance: 2), "a")
        try store.startRound(2, themes: [])
        #expect(try store.currentRound() == 2)
        _ = try code(store, Fragment(documentID: "exp", startUtterance: 2), "a")
        let counts = try store.codingCounts()
        #expect(
            counts == [
                DocumentCodingCount(document: "cit", round: 1, codings: 3, fragments: 2),
                DocumentCodingCount(document: "exp", round: 1, codings: 1, fragments: 1),
                DocumentCodingCount(document: "exp", round: 2, codings: 1, fragments: 1),
            ])
        #expect(try store.utteranceCount(of: "cit") == 5)
        #expect(throws: CorpusError.self) { try store.utteranceCount(of: "nope") }
    }
}
