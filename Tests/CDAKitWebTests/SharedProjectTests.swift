@testable import CDAKit
import CDAKitWeb
import CDATestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The workbench and another connection (a `cda` command in a terminal) on one project file.
@Suite struct SharedProjectTests {
    @Test func changesFromEitherSideAreSeenByTheOther() async throws {
        let harness = try WebHarness.make()
        let terminal = try ProjectStore.open(at: harness.store.path)
        try await harness.test { session in
            _ = try terminal.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "uit de terminal", coder: "t"))
            let codes = try await session.get("/api/codes")
            #expect((codes.object["codes"] as? [[String: Any]])?.map { $0["name"] as? String } == ["uit de terminal"])
            #expect(try await session.send(.post, "/api/codings", #"{"document":"cit","startUtterance":3,"code":"uit de browser"}"#).status == .created)
            #expect(try terminal.codes().map(\.name).sorted() == ["uit de browser", "uit de terminal"])
            // A merge in the terminal, undone in the browser.
            _ = try terminal.mergeCodes(["uit de browser"], into: "uit de terminal", actor: "t")
            let undone = try await session.send(.post, "/api/undo")
            #expect(undone.object["kind"] as? String == "merge")
            #expect(try terminal.codes().filter { $0.status == .active }.count == 2)
        }
    }

    @Test func writesFromManyRequestsAtOnceAllLand() async throws {
        let harness = try WebHarness.make()
        let terminal = try ProjectStore.open(at: harness.store.path)
        try await harness.test { session in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await session.send(.post, "/api/codings", #"{"document":"exp","startUtterance":\#(index % 4 + 1),"code":"parallel \#(index)"}"#).status
                    }
                }
                group.addTask {
                    for index in 0..<10 {
                        _ = try terminal.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: index % 5 + 1), codeName: "terminal \(index)", coder: "t"))
                    }
                    return .created
                }
                for try await status in group { #expect(status == .created) }
            }
        }
        #expect(try harness.store.codes().count == 30)
    }
}
