import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

@Suite struct RevisionTests {
    /// The citizens' transcript with "echt " inserted in utterance 2 and "met dat sociaal
    /// kredietsysteem" cut from utterance 3.
    static let revised = CodingFixtures.citizens
        .replacingOccurrences(of: "moet snel", with: "moet echt snel")
        .replacingOccurrences(of: "nachtmerrie met dat sociaal kredietsysteem.", with: "nachtmerrie.")

    static func transcript(_ text: String, name: String = "cit.txt") throws -> Transcript {
        try PlainTextReader().read(SourceFile(path: name, bytes: Array(text.utf8)), options: ReadOptions())
    }

    /// The fixture project with four codings on the citizens: "één loket" (2:32..<41), "China"
    /// (3:0..<5), "kredietsysteem" (3:41..<55) and the whole of utterance 5.
    static func codedProject(in folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try CodingFixtures.project(in: folder)
        for (fragment, code) in [
            (Fragment(documentID: "cit", startUtterance: 2, startOffset: 32, endOffset: 41), "loket"),
            (Fragment(documentID: "cit", startUtterance: 3, startOffset: 0, endOffset: 5), "china"),
            (Fragment(documentID: "cit", startUtterance: 3, startOffset: 41, endOffset: 55), "surveillance"),
            (Fragment(documentID: "cit", startUtterance: 5), "contact"),
        ] {
            _ = try store.addCoding(CodingRequest(fragment: fragment, codeName: code, coder: "a"))
        }
        return store
    }

    static func codingRows(_ store: ProjectStore) throws -> [String] {
        try store.codings(inDocument: "cit").sorted { $0.id < $1.id }.map { coding in
            let fragment = coding.fragment
            let offsets = fragment.startOffset.map { "[\($0),\(fragment.endOffset ?? 0))" } ?? ""
            return "\(coding.code) \(fragment.startUtterance)-\(fragment.endUtterance)\(offsets)\(coding.review == nil ? "" : " review")"
        }
    }

    @Test func refuseWritesNothingAndListsTheConflict() throws {
        let folder = TemporaryDirectory()
        let store = try Self.codedProject(in: folder)
        let before = try store.dump()
        let result = try store.saveRevising(Self.transcript(Self.revised), replace: true)
        #expect(result.outcome == .refused)
        let revision = try #require(result.revision)
        #expect(revision.conflicts.map(\.code) == ["surveillance"])
        #expect(
            revision.conflictLines(file: "cit.txt") == [
                "cit.txt: coding 'surveillance' on utterance 3 (offsets 41–55, \"kredietsysteem\") has no counterpart; best place: utterance 3"
            ])
        #expect(try store.dump() == before)
        #expect(try store.history().isEmpty)
    }

    @Test func keepUtteranceMovesCodingsAndMarksTheConflictForReview() throws {
        let folder = TemporaryDirectory()
        let store = try Self.codedProject(in: folder)
        let result = try store.saveRevising(Self.transcript(Self.revised), replace: true, onConflict: .keepUtterance)
        #expect(result.outcome == .revised)
        let revision = try #require(result.revision)
        #expect(revision.codings.map(\.outcome) == [.moved, .unchanged, .conflict, .unchanged])
        #expect(revision.codings[0].newText == "één loket")
        #expect(
            try Self.codingRows(store) == ["loket 2-2[37,46)", "china 3-3[0,5)", "surveillance 3-3 review", "contact 5-5"])
        // Counts follow the new text: 35 words, less 4, plus 1.
        let summary = try #require(try store.documents().first { $0.id == "cit" })
        #expect(summary.words == 35 - 4 + 1)
        #expect(try store.history().map(\.kind) == [.revision])
    }

    @Test func dropRemovesTheConflictAndUndoRestoresEverything() throws {
        let folder = TemporaryDirectory()
        let store = try Self.codedProject(in: folder)
        let before = try store.dump()
        let result = try store.saveRevising(Self.transcript(Self.revised), replace: true, onConflict: .drop)
        #expect(result.outcome == .revised)
        #expect(try Self.codingRows(store) == ["loket 2-2[37,46)", "china 3-3[0,5)", "contact 5-5"])
        #expect(try store.documentVersions(of: "cit").map(\.version) == [1, 2])
        #expect(try store.documentText(of: "cit", version: 1)[2].text.hasSuffix("sociaal kredietsysteem."))
        #expect(try store.documentText(of: "cit", version: 2)[2].text == "China is een nachtmerrie.")
        let undone = try store.undo()
        #expect(undone.kind == .revision)
        #expect(try store.dump() == before)
    }

    @Test func aDryRunPlansWithoutWriting() throws {
        let folder = TemporaryDirectory()
        let store = try Self.codedProject(in: folder)
        let before = try store.dump()
        let result = try store.saveRevising(Self.transcript(Self.revised), replace: true, onConflict: .drop, dryRun: true)
        #expect(result.outcome == .revised)
        #expect(result.revision?.applied == false)
        #expect(result.revision?.pairings.map(\.change) == [.unchanged, .changed, .changed, .unchanged, .unchanged])
        #expect(try store.dump() == before)
    }

    @Test func theSearchIndexFollowsARevisionAndItsUndo() throws {
        let folder = TemporaryDirectory()
        let store = try Self.codedProject(in: folder)
        try store.ensureSearchIndex()
        #expect(try store.searchCandidates(["kredietsysteem"]) == [.init(document: "cit", index: 3)])
        let before = try Self.dumpWithoutIndex(store)
        _ = try store.saveRevising(Self.transcript(Self.revised), replace: true, onConflict: .drop)
        #expect(try store.searchCandidates(["kredietsysteem"]) == [])
        #expect(try store.searchCandidates(["echt"]) == [.init(document: "cit", index: 2)])
        #expect(try store.searchCandidates(["loket"]) == [.init(document: "cit", index: 2)])
        _ = try store.undo()
        #expect(try Self.dumpWithoutIndex(store) == before)
        #expect(try store.searchCandidates(["kredietsysteem"]) == [.init(document: "cit", index: 3)])
        #expect(try store.searchCandidates(["echt"]) == [])
        #expect(try store.checkSearchIndex().isEmpty)
    }

    @Test func aDocumentWithoutCodingsIsStillReplacedAsBefore() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let result = try store.saveRevising(Self.transcript(Self.revised), replace: true)
        #expect(result.outcome == .replaced)
        #expect(result.revision == nil)
    }

    /// The dump without the full-text index's own tables, whose bytes depend on the order of writes.
    static func dumpWithoutIndex(_ store: ProjectStore) throws -> String {
        var keep = true
        return try store.dump().split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            if line.hasPrefix("## ") { keep = !line.hasPrefix("## utteranceSearch") }
            return keep
        }.joined(separator: "\n")
    }
}
