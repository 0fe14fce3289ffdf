import CDAKitWeb
import CDATestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import CDAKit

/// The workbench and another connection (a `cda` command in a terminal) on one project file.
@Suite struct SharedProjectTests {
    @Test func changesFromEitherSideAreSeenByTheOther() async throws {
        let harness = try WebHarness.make()
        let terminal = try ProjectStore.open(at: harness.store.path)
        try await harness.test { session in
            _ = try terminal.addCoding(
                CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "uit de terminal", coder: "t"))
            let codes = try await session.get("/api/codes")
            #expect((codes.object["codes"] as? [[String: Any]])?.map { $0["name"] as? String } == ["uit de terminal"])
            #expect(
                try await session.send(.post, "/api/codings", #"{"document":"cit","startUtterance":3,"code":"uit de browser"}"#).status
                    == .created)
            #expect(try terminal.codes().map(\.name).sorted() == ["uit de browser", "uit de terminal"])
            // A merge in the terminal, undone in the browser.
            _ = try terminal.mergeCodes(["uit de browser"], into: "uit de terminal", actor: "t")
            let undone = try await session.send(.post, "/api/undo")
            #expect(undone.object["kind"] as? String == "merge")
            #expect(try terminal.codes().filter { $0.status == .active }.count == 2)
        }
    }

    /// Issue 19: rename A in the browser, a colleague renames B in a terminal, then *Undo* on A's
    /// message must not undo B's rename.
    @Test func undoOfAStepThatIsNoLongerTheLatestIsRefused() async throws {
        let harness = try WebHarness.make()
        _ = try harness.store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "A", coder: "t"))
        _ = try harness.store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 3), codeName: "B", coder: "t"))
        let terminal = try ProjectStore.open(at: harness.store.path)
        try await harness.test { session in
            let renamed = try await session.send(.post, "/api/codes/rename", #"{"code":"A","to":"A2","coder":"anna"}"#)
            let step = try #require(renamed.object["id"] as? Int)
            let theirs = try terminal.renameCode("B", to: "B2", actor: "bo")
            let refused = try await session.send(.post, "/api/undo", #"{"step":\#(step)}"#)
            #expect(refused.status == .conflict)
            let message = try #require(refused.object["error"] as? String)
            #expect(message.contains("Cannot undo step \(step) (renamed 'A' to 'A2')"), "\(message)")
            #expect(message.contains("step \(theirs.id) (renamed 'B' to 'B2', by bo) came after it"), "\(message)")
            #expect(try terminal.codes().map(\.name).sorted() == ["A2", "B2"])
            let undone = try await session.send(.post, "/api/undo", #"{"step":\#(theirs.id)}"#)
            #expect(undone.status == .ok)
            #expect(undone.object["summary"] as? String == "renamed 'B' to 'B2'")
            #expect(try await session.send(.post, "/api/undo", #"{"step":\#(step)}"#).status == .ok)
            let again = try await session.send(.post, "/api/undo", #"{"step":\#(step)}"#)
            #expect(again.status == .conflict)
            #expect((again.object["error"] as? String)?.contains("was undone already") == true)
            #expect(try await session.send(.post, "/api/undo", #"{"step":424242}"#).status == .notFound)
            // Scripts may send no body: the latest step is undone, as by 'cda undo'.
            let bare = try await session.raw(
                .post, "/api/undo", headers: [.authorization: "Bearer \(session.token)", WebHarness.Session.csrfHeader: session.csrf])
            #expect(bare.status == .conflict)
            #expect((bare.object["error"] as? String)?.contains("no consolidation step to undo") == true)
        }
        #expect(try terminal.codes().map(\.name).sorted() == ["A", "B"])
    }

    @Test func stepsAnswerWithTheIdTheirUndoNames() async throws {
        let harness = try WebHarness.make()
        let coding = try harness.store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "a", coder: "t"))
        _ = try harness.store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 3), codeName: "b", coder: "t"))
        try await harness.test { session in
            let merged = try await session.send(.post, "/api/codes/merge", #"{"codes":["a"],"into":"b"}"#)
            let mergeStep = try #require(merged.object["step"] as? Int)
            let preview = try await session.send(.post, "/api/codes/merge/preview", #"{"codes":["b"],"into":"c"}"#)
            #expect((preview.object["result"] as? [String: Any])?["step"] == nil)
            let split = try await session.send(.post, "/api/codes/split", #"{"code":"b","into":["b1","b2"]}"#)
            let splitStep = try #require(split.object["step"] as? Int)
            let removed = try await session.send(.delete, "/api/codings/\(coding.codingID)")
            #expect(removed.object["removed"] as? Int == 1)
            let removeStep = try #require(removed.object["step"] as? Int)
            #expect([mergeStep, splitStep, removeStep] == (try harness.store.history().map { Int($0.id) }))
            for step in [removeStep, splitStep, mergeStep] {
                #expect(try await session.send(.post, "/api/undo", #"{"step":\#(step)}"#).status == .ok)
            }
        }
        #expect(try harness.store.codes().map(\.name).sorted() == ["a", "b"])
    }

    @Test func writesFromManyRequestsAtOnceAllLand() async throws {
        let harness = try WebHarness.make()
        let terminal = try ProjectStore.open(at: harness.store.path)
        try await harness.test { session in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await session.send(
                            .post, "/api/codings", #"{"document":"exp","startUtterance":\#(index % 4 + 1),"code":"parallel \#(index)"}"#
                        ).status
                    }
                }
                group.addTask {
                    for index in 0..<10 {
                        _ = try terminal.addCoding(
                            CodingRequest(
                                fragment: Fragment(documentID: "cit", startUtterance: index % 5 + 1), codeName: "terminal \(index)",
                                coder: "t"))
                    }
                    return .created
                }
                for try await status in group { #expect(status == .created) }
            }
        }
        #expect(try harness.store.codes().count == 30)
    }
}
