import CDATestSupport
import Testing

@testable import CDAKit

@Suite struct CodingTests {
    @Test func addCreatesCodesInductivelyAndIgnoresDuplicates() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let first = try store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "snel contact", coder: "a"))
        #expect(first.createdCode)
        #expect(!first.alreadyCoded)
        #expect(first.round == 1)
        let again = try store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "snel contact", coder: "a"))
        #expect(again.alreadyCoded)
        #expect(again.codingID == first.codingID)
        let other = try store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "snel contact", coder: "b"))
        #expect(!other.alreadyCoded)
        let codes = try store.codes()
        #expect(codes.map(\.name) == ["snel contact"])
        #expect(codes[0].codings == 2)
        #expect(codes[0].fragments == 1)
        #expect(codes[0].speakers == 1)
    }

    @Test func offsetsCountCodePointsWithDiacritics() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        // "Naïef of niet, ik wil gewoon contact." — "Naïef" is scalars 0..<5.
        let result = try store.addCoding(
            CodingRequest(
                fragment: Fragment(documentID: "cit", startUtterance: 5, startOffset: 0, endOffset: 5), codeName: "naïef", coder: "a",
                origin: .inVivo))
        #expect(result.fragment.startOffset == 0)
        let fragments = try store.fragments(code: "naïef")
        #expect(fragments.map(\.text) == ["Naïef"])
        #expect(fragments[0].group == "citizens")
        #expect(fragments[0].speaker == "C3")
        #expect(try store.codes()[0].origin == .inVivo)
        // The whole utterance given as offsets is stored as a whole-utterance fragment.
        let length = "Naïef of niet, ik wil gewoon contact.".unicodeScalars.count
        let whole = try store.addCoding(
            CodingRequest(
                fragment: Fragment(documentID: "cit", startUtterance: 5, startOffset: 0, endOffset: length), codeName: "contact", coder: "a"
            ))
        #expect(whole.fragment.isWholeUtterances)
        #expect(throws: CodingError.offsetOutOfRange(document: "cit", utterance: 5, offset: length + 1, length: length)) {
            try store.addCoding(
                CodingRequest(
                    fragment: Fragment(documentID: "cit", startUtterance: 5, startOffset: 2, endOffset: length + 1), codeName: "x",
                    coder: "a"))
        }
        #expect(throws: CorpusError.utteranceOutOfRange(document: "cit", index: 9, count: 5)) {
            try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 9), codeName: "x", coder: "a"))
        }
        #expect(throws: CodingError.emptyFragment("cit:5[4,4)")) {
            try store.addCoding(
                CodingRequest(
                    fragment: Fragment(documentID: "cit", startUtterance: 5, startOffset: 4, endOffset: 4), codeName: "x", coder: "a"))
        }
        #expect(try store.codes().map(\.name) == ["contact", "naïef"])
    }

    @Test func fragmentsOverConsecutiveUtterances() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(
            CodingRequest(
                fragment: Fragment(documentID: "cit", startUtterance: 3, startOffset: 0, endUtterance: 4, endOffset: 3),
                codeName: "wij-zij", coder: "a"))
        let text = try #require(try store.fragments(code: "wij-zij").first).text
        #expect(text == "China is een nachtmerrie met dat sociaal kredietsysteem.\nWij")
    }

    @Test func roundTwoNeedsAStartAndKeepsRoundOne() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let fragment = Fragment(documentID: "cit", startUtterance: 3)
        _ = try store.addCoding(CodingRequest(fragment: fragment, codeName: "china", coder: "a"))
        #expect(throws: CodingError.roundNotStarted(2)) {
            try store.addCoding(CodingRequest(fragment: fragment, codeName: "china", round: 2, coder: "a"))
        }
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook), actor: "a")
        try store.startRound(2, themes: ["china-image"])
        let second = try store.addCoding(CodingRequest(fragment: fragment, codeName: "kredietsysteem als nachtmerrie", coder: "a"))
        #expect(second.round == 2)
        let rounds = try store.fragments(code: nil).map(\.rounds)
        #expect(rounds == [[1, 2]])
        let status = try store.roundStatus()
        #expect(status.roundTwoThemes == ["china-image"])
        #expect(status.codesAddedInRoundTwo == ["kredietsysteem als nachtmerrie"])
        #expect(status.recodedFragments == 1)
        #expect(status.newFragments == 0)
        // Citizens' participant words: 9 + 8 + 5 + 7 = 29; utterance 3 has 8 words.
        let citizens = try #require(status.rounds[1].groups.first { $0.group == "citizens" })
        #expect(citizens.words == 29)
        #expect(citizens.codedWords == 8)
    }

    @Test func removeIsUndoable() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "a", coder: "x"))
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 3), codeName: "a", coder: "x"))
        let before = try store.dump()
        #expect(try store.removeCodings(CodingFilter(documentID: "cit", codeName: "a"), actor: "x").removed == 2)
        #expect(try store.codes()[0].codings == 0)
        _ = try store.undo()
        #expect(try store.dump() == before)
        #expect(throws: CodingError.noSuchCoding("document 'exp'")) { try store.removeCodings(CodingFilter(documentID: "exp"), actor: "x") }
    }
}
