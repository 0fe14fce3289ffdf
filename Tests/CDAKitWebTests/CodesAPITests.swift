import CDAKitWeb
import CDATestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import CDAKit

@Suite struct CodesAPITests {
    /// The harness with codes to consolidate: two near-duplicates and a third code.
    private func codedHarness() throws -> WebHarness {
        let harness = try WebHarness.make()
        let store = harness.store
        for (document, utterance, code) in [
            ("cit", 3, "china schrikbeeld"), ("cit", 3, "China als schrikbeeld"), ("cit", 4, "china schrikbeeld"),
            ("cit", 2, "China als schrikbeeld"), ("exp", 2, "publieke waarde"), ("emo", 2, "naïef"),
        ] {
            _ = try store.addCoding(
                CodingRequest(fragment: Fragment(documentID: document, startUtterance: utterance), codeName: code, coder: "a"))
        }
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook), actor: "a")
        try store.mapCode("china schrikbeeld", toTheme: "china-image", actor: "a")
        return harness
    }

    @Test func codesListCountsPerGroupAndRound() async throws {
        let harness = try codedHarness()
        try await harness.test { session in
            let response = try await session.get("/api/codes")
            #expect(response.status == .ok)
            let codes = try #require(response.object["codes"] as? [[String: Any]])
            #expect(codes.count == 4)
            let figures = try #require(response.object["figures"] as? [[String: Any]])
            let china = try #require(figures.first { $0["code"] as? String == "China als schrikbeeld" })
            #expect((china["groups"] as? [[String: Any]])?.map { $0["group"] as? String } == ["citizens"])
            #expect((china["rounds"] as? [[String: Any]])?.first?["fragments"] as? Int == 2)
        }
    }

    @Test func mergePreviewMatchesTheMergeAndUndoRestoresTheProject() async throws {
        let harness = try codedHarness()
        let before = try harness.store.dump()
        try await harness.test { session in
            let body = #"{"codes":["China als schrikbeeld","china schrikbeeld"],"into":"china als dystopie","reason":"zelfde"}"#
            let preview = try await session.send(.post, "/api/codes/merge/preview", body)
            #expect(preview.status == .ok)
            #expect(preview.object["fragmentsMoving"] as? Int == 3)
            #expect(preview.object["targetFragmentsBefore"] as? Int == 0)
            let previewed = try #require(preview.object["result"] as? [String: Any])
            #expect(previewed["movedCodings"] as? Int == 3)
            #expect(previewed["collapsedCodings"] as? Int == 1)
            let merged = try await session.send(.post, "/api/codes/merge", body)
            #expect(merged.status == .ok)
            #expect(merged.object["movedCodings"] as? Int == previewed["movedCodings"] as? Int)
            #expect(merged.object["collapsedCodings"] as? Int == previewed["collapsedCodings"] as? Int)
            let history = try await session.get("/api/history")
            #expect((history.array.last as? [String: Any])?["kind"] as? String == "merge")
            let undone = try await session.send(.post, "/api/undo")
            #expect(undone.status == .ok)
            #expect((undone.object["kind"] as? String) == "merge")
        }
        #expect(try harness.store.dump() == before)
    }

    @Test func previewChangesNothing() async throws {
        let harness = try codedHarness()
        let before = try harness.store.dump()
        try await harness.test { session in
            let preview = try await session.send(.post, "/api/codes/merge/preview", #"{"codes":["naïef"],"into":"publieke waarde"}"#)
            #expect(preview.object["fragmentsMoving"] as? Int == 1)
            #expect(preview.object["targetFragmentsBefore"] as? Int == 1)
            let bad = try await session.send(.post, "/api/codes/merge/preview", #"{"codes":["bestaat niet"],"into":"x"}"#)
            #expect(bad.status == .notFound)
        }
        #expect(try harness.store.dump() == before)
    }

    @Test func memosOnTheProjectAndDocumentsAndTheOverview() async throws {
        let harness = try codedHarness()
        try await harness.test { session in
            let saved = try await session.send(.put, "/api/memo", #"{"kind":"project","text":"Waar gaat dit over?","coder":"bo"}"#)
            #expect(saved.status == .ok)
            _ = try await session.send(.put, "/api/memo", #"{"kind":"document","target":"cit","text":"Rustige sessie."}"#)
            let memos = try await session.get("/api/memos").array.compactMap { $0 as? [String: Any] }
            #expect(memos.compactMap { $0["label"] as? String }.prefix(2) == ["Project", "Document 'cit'"])
            #expect(memos.first?["author"] as? String == "bo")
            let badKind = try await session.send(.put, "/api/memo", #"{"kind":"speaker","target":"P01","text":"x"}"#)
            #expect(badKind.status == .badRequest)
            #expect(
                badKind.object["error"] as? String == "'kind' must be project, document, theme, theme-group or code, not 'speaker'.")
            let noTarget = try await session.send(.put, "/api/memo", #"{"kind":"document","text":"x"}"#)
            #expect(noTarget.object["error"] as? String == "A memo on a document needs its 'target'.")
            #expect(try await session.send(.put, "/api/memo", #"{"kind":"document","target":"nope","text":"x"}"#).status == .notFound)
        }
        #expect(try harness.store.memo(on: .document("cit")) == "Rustige sessie.")
    }

    @Test func aColourIsCheckedAndRecorded() async throws {
        let harness = try codedHarness()
        try await harness.test { session in
            let refused = try await session.send(.post, "/api/codes/color", #"{"code":"naïef","color":"rood"}"#)
            #expect(refused.status == .badRequest)
            #expect(
                refused.object["error"] as? String
                    == "'rood' is not a colour; give it as #rrggbb (six hexadecimal digits, such as #2b6cb0) or #rgb.")
            let step = try await session.send(.post, "/api/codes/color", ##"{"code":"naïef","color":"#1F77B4","coder":"bo"}"##)
            #expect(step.object["kind"] as? String == "recolor")
            let codes = try await session.get("/api/codes").object["codes"] as? [[String: Any]] ?? []
            #expect(codes.first { $0["name"] as? String == "naïef" }?["color"] as? String == "#1f77b4")
        }
    }

    @Test func renameMoveRetireSplitAndMemoAreRecordedSteps() async throws {
        let harness = try codedHarness()
        try await harness.test { session in
            #expect(try await session.send(.post, "/api/codes/rename", #"{"code":"naïef","to":"naïviteit","coder":"bo"}"#).status == .ok)
            #expect(try await session.send(.post, "/api/codes/move", #"{"code":"naïviteit","under":"houding"}"#).status == .ok)
            #expect(try await session.send(.post, "/api/codes/move", #"{"code":"houding","under":"naïviteit"}"#).status == .conflict)
            #expect(try await session.send(.post, "/api/codes/move", #"{"code":"naïviteit","under":null}"#).status == .ok)
            #expect(try await session.send(.post, "/api/codes/retire", #"{"code":"houding"}"#).status == .ok)
            let split = try await session.send(
                .post, "/api/codes/split", #"{"code":"publieke waarde","into":["efficiëntie","rechtvaardigheid"]}"#)
            #expect((split.object["created"] as? [String]) == ["efficiëntie", "rechtvaardigheid"])
            #expect(try await session.send(.post, "/api/codes/rename", #"{"code":"naïviteit","to":"publieke waarde"}"#).status == .conflict)
            #expect(try await session.send(.put, "/api/codes/memo", #"{"code":"naïviteit","memo":"Wie zich naïef noemt…"}"#).status == .ok)
            #expect(try await session.get("/api/codes/memo?code=na%C3%AFviteit").object["memo"] as? String == "Wie zich naïef noemt…")
            let kinds = try await session.get("/api/history").array.compactMap { ($0 as? [String: Any])?["kind"] as? String }
            #expect(kinds.suffix(5) == ["rename", "move", "move", "retire", "split"])
            let lineage = try await session.get("/api/lineage").array.compactMap { $0 as? [String: Any] }
            #expect((lineage.first { $0["code"] as? String == "naïviteit" }?["formerNames"] as? [String]) == ["naïef"])
            let fragments = try await session.get("/api/codes/fragments?code=na%C3%AFviteit")
            #expect(fragments.array.count == 1)
        }
        #expect(try harness.store.history().first { $0.kind == .rename }?.actor == "bo")
    }

    @Test func suggestionsThemesSummariesAndReport() async throws {
        let harness = try codedHarness()
        try await harness.test { session in
            let suggestions = try await session.get("/api/suggestions/merges")
            let pairs = suggestions.array.compactMap { $0 as? [String: Any] }.map {
                Set([$0["first"] as? String, $0["second"] as? String])
            }
            #expect(pairs.contains(["China als schrikbeeld", "china schrikbeeld"]))
            #expect(try await session.send(.post, "/api/themes/map", #"{"code":"naïef","theme":"inequality"}"#).status == .ok)
            #expect(try await session.send(.post, "/api/themes/map", #"{"code":"naïef","theme":"nope"}"#).status == .notFound)
            #expect(try await session.send(.post, "/api/themes/unmap", #"{"code":"naïef","theme":"inequality"}"#).status == .ok)
            #expect(
                try await session.send(
                    .put, "/api/themes/summary", #"{"theme":"china-image","group":"citizens","text":"Burgers zien China als schrikbeeld."}"#
                ).status == .ok)
            let themes = try await session.get("/api/themes")
            #expect(
                (themes.object["themes"] as? [[String: Any]])?.map { $0["id"] as? String } == [
                    "digital-government", "china-image", "inequality",
                ])
            let report = try #require(themes.object["report"] as? [String: Any])
            let china = try #require((report["themes"] as? [[String: Any]])?.first { $0["id"] as? String == "china-image" })
            let citizens = try #require((china["groups"] as? [String: Any])?["citizens"] as? [String: Any])
            #expect(citizens["summary"] as? String == "Burgers zien China als schrikbeeld.")
            #expect(citizens["fragments"] as? Int == 2)
            let html = try await session.get("/api/report.html")
            #expect(html.text.contains("Burgers zien China als schrikbeeld."))
            #expect(try await session.get("/api/themes/list").array.count == 3)
        }
    }

    /// Every API path that names a new code refuses control characters with 400 and the library's
    /// message; a NUL no longer cuts "a\0b" short to an existing code 'a'.
    @Test func controlCharactersInCodeNamesAreRefused() async throws {
        let harness = try codedHarness()
        _ = try harness.store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "a", coder: "t"))
        let before = try harness.store.dump()
        try await harness.test { session in
            for (method, path, body) in [
                (HTTPRequest.Method.post, "/api/codings", #"{"document":"cit","startUtterance":4,"code":"a\u0000b"}"#),
                (.post, "/api/codings", #"{"document":"cit","startUtterance":4,"code":"a\tb"}"#),
                (.post, "/api/codes/rename", #"{"code":"naïef","to":"naïef\nnieuw"}"#),
                (.post, "/api/codes/merge", #"{"codes":["naïef"],"into":"samen\u0085"}"#),
                (.post, "/api/codes/merge/preview", #"{"codes":["naïef"],"into":"a\u0000b"}"#),
                (.post, "/api/codes/move", #"{"code":"naïef","under":"ouder\u0007"}"#),
                (.post, "/api/codes/split", #"{"code":"naïef","into":["goed","fout\r"]}"#),
                (.post, "/api/search/code", #"{"pattern":"overheid","code":"over\u2028heid"}"#),
            ] {
                let response = try await session.send(method, path, body)
                #expect(response.status == .badRequest, "\(path) \(body): \(response.status)")
                let message = response.object["error"] as? String ?? ""
                #expect(message.hasPrefix("The code name '"), "\(path): \(message)")
                #expect(
                    message.contains("a code name is one line of text without tabs, line breaks or other control characters"),
                    "\(path): \(message)")
            }
        }
        #expect(try harness.store.dump() == before)
    }

    @Test func startingRoundTwoSwitchesTheCurrentRound() async throws {
        let harness = try codedHarness()
        try await harness.test { session in
            #expect(
                try await session.send(.post, "/api/codings", #"{"document":"cit","startUtterance":2,"code":"x","round":2}"#).status
                    == .conflict)
            let started = try await session.send(.post, "/api/rounds/start", #"{"round":2,"themes":["china-image"]}"#)
            #expect(started.object["currentRound"] as? Int == 2)
            #expect(try await session.get("/api/session").object["currentRound"] as? Int == 2)
            #expect(
                try await session.send(.post, "/api/codings", #"{"document":"cit","startUtterance":2,"code":"x","round":2}"#).status
                    == .created)
        }
    }
}
