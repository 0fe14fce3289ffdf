import CDATestSupport
import Testing

@testable import CDAKit

/// Random edit scripts applied to a stored, coded transcript: surviving codings land on their
/// words, the project passes `check`, and `undo` restores the exact previous state.
@Suite struct RevisionUndoPropertyTests {
    static func transcript(_ script: RevisionScript, hash: String) -> Transcript {
        Transcript(
            document: Document(id: "r", title: "r", format: .text, sourcePath: "r.txt", contentHash: hash),
            speakers: ["A", "B", "M"].map { Speaker(id: $0) }, utterances: script.utterances)
    }

    @Test(arguments: 0..<12) func undoRestoresTheExactPreviousState(seed: UInt64) throws {
        var random = SeededGenerator(seed: 0xD0_0000 + seed)
        let original = RevisionScript(using: &random)
        let planned = RevisionPropertyTests.codings(of: original, using: &random)
        var revised = original
        for _ in 0..<Int.random(in: 1...6, using: &random) { revised.edit(using: &random) }

        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        _ = try store.save(Self.transcript(original, hash: "one"), replace: false)
        var byID: [Int64: RevisionPropertyTests.PlannedCoding] = [:]
        for (n, coding) in planned.enumerated() {
            let result = try store.addCoding(CodingRequest(fragment: coding.fragment, codeName: "code \(n)", coder: "a"))
            byID[result.codingID] = coding
        }
        let indexed = seed % 2 == 1
        if indexed { try store.ensureSearchIndex() }
        let before = try RevisionTests.dumpWithoutIndex(store)

        let result = try store.saveRevising(Self.transcript(revised, hash: "two"), replace: true, onConflict: .keepUtterance)
        #expect(result.outcome == .revised, "seed \(seed)")
        let findings = try store.check()
        #expect(findings.isEmpty, "seed \(seed): \(findings)")
        for coding in try store.codings(inDocument: "r") {
            let plan = try #require(byID[coding.id])
            if plan.words.allSatisfy({ revised.place(of: $0) != nil }) {
                #expect(coding.fragment == RevisionPropertyTests.expected(plan, in: revised), "seed \(seed)")
                #expect(coding.review == nil)
            }
        }

        _ = try store.undo()
        #expect(try RevisionTests.dumpWithoutIndex(store) == before, "seed \(seed)")
        #expect(try store.check().isEmpty, "seed \(seed)")
        if !indexed { #expect(try store.dump().contains("## utteranceSearch")) }
    }
}
