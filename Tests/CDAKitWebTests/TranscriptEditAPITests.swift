import CDAKitWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import CDAKit

/// `POST /api/transcript/edit`: the same revision as `cda edit`, refusals with their conflicts.
@Suite struct TranscriptEditAPITests {
    /// "naïef" coded in utterance 2 of the emoji transcript (offsets 15–20, after an emoji).
    static func harness() throws -> WebHarness {
        let harness = try WebHarness.make()
        _ = try harness.store.addCoding(
            CodingRequest(
                fragment: Fragment(documentID: "emo", startUtterance: 2, startOffset: 15, endOffset: 20), codeName: "naïef", coder: "a"))
        return harness
    }

    static func codings(_ store: ProjectStore) throws -> [Fragment] {
        try store.codings(inDocument: "emo").map(\.fragment)
    }

    @Test func aSplitIsARevisionStepThatCarriesTheCodingAndUndoesExactly() async throws {
        let harness = try Self.harness()
        try await harness.test { session in
            // "Één loket 🙂 | is naïef, zeggen ze."
            let split = try await session.send(
                .post, "/api/transcript/edit", #"{"doc":"emo","utterance":2,"kind":"split","at":12,"coder":"bo"}"#)
            #expect(split.status == .ok)
            #expect(split.object["refused"] as? Bool == false)
            let step = try #require(split.object["step"] as? [String: Any])
            #expect(step["kind"] as? String == "revision")
            #expect(step["actor"] as? String == "bo")
            #expect(step["summary"] as? String == "split utterance 2 at 12 in 'emo' (version 2): 1 coding(s) moved, 0 without counterpart")
            #expect(try Self.codings(harness.store) == [Fragment(documentID: "emo", startUtterance: 3, startOffset: 3, endOffset: 8)])
            let page = try await session.get("/api/transcript?doc=emo")
            #expect(
                (page.object["utterances"] as? [[String: Any]])?.map { $0["text"] as? String } == [
                    "Welkom 🙂 allemaal.", "Één loket 🙂", "is naïef, zeggen ze.", "Tweede beurt over coördinatie.",
                ])
            let undo = try await session.send(.post, "/api/undo", #"{"step":\#(step["id"] as? Int ?? 0)}"#)
            #expect(undo.status == .ok)
            #expect(try Self.codings(harness.store) == [Fragment(documentID: "emo", startUtterance: 2, startOffset: 15, endOffset: 20)])
        }
    }

    @Test func anEditRemovingCodedWordsAnswersWithItsConflictsAndWritesNothing() async throws {
        let harness = try Self.harness()
        try await harness.test { session in
            let body = #"{"doc":"emo","utterance":2,"kind":"text","text":"Één loket, zeggen ze."}"#
            let refused = try await session.send(.post, "/api/transcript/edit", body)
            #expect(refused.status == .ok)
            #expect(refused.object["refused"] as? Bool == true)
            #expect(refused.object["step"] == nil || refused.object["step"] is NSNull)
            #expect(
                (refused.object["conflicts"] as? [String]) == [
                    "emo: coding 'naïef' on utterance 2 (offsets 15–20, \"naïef\") has no counterpart; best place: utterance 2"
                ])
            #expect(try Self.codings(harness.store) == [Fragment(documentID: "emo", startUtterance: 2, startOffset: 15, endOffset: 20)])
            let kept = try await session.send(
                .post, "/api/transcript/edit",
                #"{"doc":"emo","utterance":2,"kind":"text","text":"Één loket, zeggen ze.","onConflict":"keep-utterance"}"#)
            #expect(kept.object["applied"] as? Bool == true)
            #expect(try Self.codings(harness.store) == [Fragment(documentID: "emo", startUtterance: 2)])
        }
    }

    @Test(arguments: [
        (#"{"doc":"emo","utterance":2,"kind":"shout"}"#, 400, "'kind' must be text, speaker, split or merge, not 'shout'."),
        (#"{"doc":"emo","utterance":0,"kind":"merge"}"#, 400, "'utterance' must be a whole number from 1 to 1000000000, not 0."),
        (#"{"doc":"emo","utterance":2,"kind":"split"}"#, 400, "A split needs 'at', the offset to split before."),
        (#"{"doc":"emo","utterance":2,"kind":"split","at":-1}"#, 400, "'at' must be a whole number from 0 to 1000000000, not -1."),
        (
            #"{"doc":"emo","utterance":1,"kind":"merge"}"#, 400,
            "Utterances 1 and 2 are spoken by M and C1; give them one speaker first, then merge."
        ),
        (#"{"doc":"emo","utterance":2,"kind":"speaker","speaker":"X"}"#, 400, "No speaker is labelled 'X'."),
        (
            #"{"doc":"emo","utterance":2,"kind":"merge","onConflict":"maybe"}"#, 400,
            "'onConflict' must be refuse, keep-utterance or drop, not 'maybe'."
        ),
        (#"{"doc":"nope","utterance":2,"kind":"merge"}"#, 404, "Unknown document 'nope'."),
    ])
    func badEditsAreRefusedWithTheirReason(body: String, status: Int, message: String) async throws {
        let harness = try Self.harness()
        try await harness.test { session in
            let refused = try await session.send(.post, "/api/transcript/edit", body)
            #expect(refused.status.code == status)
            #expect((refused.object["error"] as? String)?.hasPrefix(message) == true, "\(refused.object)")
            #expect(try Self.codings(harness.store) == [Fragment(documentID: "emo", startUtterance: 2, startOffset: 15, endOffset: 20)])
        }
    }
}
