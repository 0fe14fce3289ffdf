import CDAKitWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import CDAKit

@Suite struct CodingAPITests {
    @Test func corpusListsDocumentsWithCountsAndCoverage() async throws {
        let harness = try WebHarness.make()
        _ = try harness.store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "snel", coder: "a"))
        try await harness.test { session in
            let corpus = try await session.get("/api/corpus")
            #expect(corpus.status == .ok)
            let documents = try #require(corpus.object["documents"] as? [[String: Any]])
            #expect(documents.map { $0["id"] as? String } == ["cit", "exp", "emo"])
            #expect(documents.first?["utterances"] as? Int == 5)
            let counts = try #require(corpus.object["codingCounts"] as? [[String: Any]])
            #expect(counts.count == 1)
            #expect(counts.first?["document"] as? String == "cit")
            let status = try #require(corpus.object["status"] as? [String: Any])
            #expect(status["currentRound"] as? Int == 1)
        }
    }

    @Test func transcriptPagesHoldUtterancesWithCodePointLengthsAndTheirCodings() async throws {
        let harness = try WebHarness.make()
        _ = try harness.store.addCoding(
            CodingRequest(
                fragment: Fragment(documentID: "cit", startUtterance: 1, startOffset: 4, endUtterance: 3, endOffset: 5), codeName: "lang",
                coder: "a"))
        try await harness.test { session in
            let page = try await session.get("/api/transcript?doc=emo&from=2&to=3")
            #expect(page.status == .ok)
            #expect(page.object["total"] as? Int == 3)
            let lines = try #require(page.object["utterances"] as? [[String: Any]])
            #expect(lines.map { $0["index"] as? Int } == [2, 3])
            #expect(lines[0]["speaker"] as? String == "C1")
            #expect(lines[0]["section"] as? String == "plenary")
            let text = "Één loket 🙂 is naïef, zeggen ze."
            #expect(lines[0]["text"] as? String == text)
            #expect(lines[0]["length"] as? Int == text.unicodeScalars.count)
            #expect(text.unicodeScalars.count == text.utf16.count - 1)
            // A coding over utterances 1–3 shows on a page of 2–2 only.
            let middle = try await session.get("/api/transcript?doc=cit&from=2&to=2")
            let codings = try #require(middle.object["codings"] as? [[String: Any]])
            #expect(codings.map { $0["code"] as? String } == ["lang"])
            let beyond = try await session.get("/api/transcript?doc=cit&from=9&to=20")
            #expect((beyond.object["utterances"] as? [Any])?.isEmpty == true)
            #expect(try await session.get("/api/transcript?doc=nope").status == .notFound)
            #expect(try await session.get("/api/transcript?doc=cit&from=1&to=5000").status == .badRequest)
            #expect(try await session.get("/api/transcript?doc=cit&from=x").status == .badRequest)
        }
    }

    @Test func findInTranscriptFoldsDiacriticsAndAnswersInCodePoints() async throws {
        let harness = try WebHarness.make()
        try await harness.test { session in
            let folded = try await session.get("/api/transcript/find?doc=emo&q=NAIEF&fold=1")
            #expect(folded.status == .ok)
            #expect(folded.object["total"] as? Int == 1)
            let matches = try #require(folded.object["matches"] as? [[String: Any]])
            // 'naïef' after the emoji: code points 15..<20 of utterance 2 (UTF-16 16..<21).
            #expect(matches.map { [$0["utterance"] as? Int, $0["start"] as? Int, $0["end"] as? Int] } == [[2, 15, 20]])
            #expect(try await session.get("/api/transcript/find?doc=emo&q=NAIEF").object["total"] as? Int == 0)
            let many = try await session.get("/api/transcript/find?doc=emo&q=e&fold=1&limit=2")
            #expect((many.object["matches"] as? [Any])?.count == 2)
            #expect((many.object["total"] as? Int ?? 0) > 2)
            #expect(try await session.get("/api/transcript/find?doc=emo&q=%20%20").status == .badRequest)
            #expect(try await session.get("/api/transcript/find?doc=emo").status == .badRequest)
            #expect(try await session.get("/api/transcript/find?doc=nope&q=x").status == .notFound)
        }
    }

    @Test func codingWithDiacriticsAndAnEmojiStoresCodePointOffsets() async throws {
        let harness = try WebHarness.make()
        // "Één loket 🙂 is naïef, zeggen ze.": 'naïef' is code points 15..<20 (UTF-16 16..<21).
        let text = Array("Één loket 🙂 is naïef, zeggen ze.".unicodeScalars)
        #expect(String(String.UnicodeScalarView(text[15..<20])) == "naïef")
        try await harness.test { session in
            let added = try await session.send(
                .post, "/api/codings",
                #"""
                {"document":"emo","startUtterance":2,"startOffset":15,"endOffset":20,"code":"naïef","inVivo":true,"round":1,"coder":"anna","memo":"eigen woorden"}
                """#)
            #expect(added.status == .created)
            let coding = try #require(added.object["coding"] as? [String: Any])
            let fragment = try #require(coding["fragment"] as? [String: Any])
            #expect(fragment["startOffset"] as? Int == 15)
            #expect(fragment["endOffset"] as? Int == 20)
            #expect(coding["coder"] as? String == "anna")
            #expect(coding["memo"] as? String == "eigen woorden")
            #expect((added.object["result"] as? [String: Any])?["createdCode"] as? Bool == true)
            let again = try await session.send(
                .post, "/api/codings",
                #"{"document":"emo","startUtterance":2,"startOffset":15,"endOffset":20,"code":"naïef","coder":"anna"}"#)
            #expect((again.object["result"] as? [String: Any])?["alreadyCoded"] as? Bool == true)
            // Across utterances: from '🙂' in utterance 1 to 'Één' in utterance 2.
            let across = try await session.send(
                .post, "/api/codings",
                #"{"document":"emo","startUtterance":1,"startOffset":7,"endUtterance":2,"endOffset":3,"code":"welkom"}"#)
            #expect(across.status == .created)
            let outside = try await session.send(
                .post, "/api/codings", #"{"document":"emo","startUtterance":2,"startOffset":15,"endOffset":99,"code":"x"}"#)
            #expect(outside.status == .badRequest)
            #expect((outside.object["error"] as? String)?.contains("Offset 99") == true)
            let missing = try await session.send(.post, "/api/codings", #"{"document":"emo","startUtterance":2}"#)
            #expect(missing.status == .badRequest)
            #expect((missing.object["error"] as? String)?.contains("'code'") == true)
        }
        let fragments = try harness.store.fragments(code: "naïef")
        #expect(fragments.map(\.text) == ["naïef"])
        #expect(try harness.store.codes().first { $0.name == "naïef" }?.origin == .inVivo)
        #expect(try harness.store.fragments(code: "welkom").map(\.text) == ["🙂 allemaal.\nÉén"])
        #expect(try harness.store.codes().first { $0.name == "welkom" }?.origin == .analyst)
    }

    @Test func memoRemoveAndUndoGoThroughTheStore() async throws {
        let harness = try WebHarness.make()
        let result = try harness.store.addCoding(
            CodingRequest(
                fragment: Fragment(documentID: "cit", startUtterance: 3, startOffset: 0, endOffset: 5), codeName: "china", coder: "a"))
        let id = result.codingID
        try await harness.test { session in
            let memo = try await session.send(.put, "/api/codings/\(id)/memo", #"{"memo":"kern"}"#)
            #expect(memo.status == .ok)
            #expect(memo.object["memo"] as? String == "kern")
            let shown = try await session.get("/api/codings/\(id)")
            #expect(shown.object["memo"] as? String == "kern")
            let removed = try await session.send(.delete, "/api/codings/\(id)?coder=anna")
            #expect(removed.object["removed"] as? Int == 1)
            #expect(try await session.get("/api/codings/\(id)").status == .notFound)
            let undone = try await session.send(.post, "/api/undo")
            #expect(undone.status == .ok)
            #expect((undone.object["summary"] as? String)?.contains("removed 1 coding") == true)
            #expect(try await session.get("/api/codings/\(id)").object["memo"] as? String == "kern")
            let nothing = try await session.send(.post, "/api/undo")
            #expect(nothing.status == .conflict)
            #expect((nothing.object["error"] as? String)?.contains("no consolidation step") == true)
            #expect(try await session.send(.delete, "/api/codings/99999").status == .notFound)
        }
        #expect(try harness.store.history().first?.actor == "anna")
    }

    @Test func reassignMovesACodingToAnotherCode() async throws {
        let harness = try WebHarness.make()
        let first = try harness.store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "a", coder: "x"))
        _ = try harness.store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 4), codeName: "b", coder: "x"))
        try await harness.test { session in
            let moved = try await session.send(.put, "/api/codings/\(first.codingID)/code", #"{"code":"b"}"#)
            #expect(moved.status == .ok)
            #expect((moved.object["coding"] as? [String: Any])?["code"] as? String == "b")
            let unknown = try await session.send(.put, "/api/codings/\(first.codingID)/code", #"{"code":"zzz"}"#)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func searchFindsHitsAndCodesThemAll() async throws {
        let harness = try WebHarness.make()
        try await harness.test { session in
            let search = try await session.get("/api/search?q=overheid&moderators=1")
            #expect(search.status == .ok)
            #expect(search.object["total"] as? Int == 2)
            let lines = try #require(search.object["lines"] as? [[String: Any]])
            #expect(lines.first?["keyword"] as? String == "overheid")
            let folded = try await session.get("/api/search?q=een&fold=1")
            #expect((folded.object["total"] as? Int ?? 0) >= 1)
            let coded = try await session.send(
                .post, "/api/search/code", #"{"pattern":"overheid","code":"overheid","includeModerators":true}"#)
            #expect(coded.status == .ok)
            #expect(coded.object["hits"] as? Int == 2)
            #expect((coded.object["result"] as? [String: Any])?["added"] as? Int == 2)
            #expect(try await session.get("/api/search").status == .badRequest)
        }
        #expect(try harness.store.fragments(code: "overheid").map(\.text) == ["overheid", "overheid"])
    }
}
