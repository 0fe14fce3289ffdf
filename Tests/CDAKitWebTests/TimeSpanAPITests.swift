import CDAKit
import CDATestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CDAKitWeb

/// `POST /api/time-spans`, `GET /api/time-spans?doc=`, `DELETE /api/time-spans/:id`: the player's
/// time-span codings, through the same library function as `cda code add --from-time`.
@Suite struct TimeSpanAPITests {
    @Test func codesListsAndRemovesASpan() async throws {
        let web = try MediaAPITests.linked()  // 0.5 s recording on `emo`
        try await web.test { session in
            let created = try await session.send(
                .post, "/api/time-spans",
                #"{"document":"emo","startMilliseconds":100,"endMilliseconds":400,"code":"gelach","create":true}"#)
            #expect(created.status == .created, "\(created.text)")
            let result = created.object["result"] as? [String: Any]
            #expect(result?["createdCode"] as? Bool == true)
            #expect((created.object["coding"] as? [String: Any])?["coder"] as? String == "tester")

            let listed = try await session.get("/api/time-spans?doc=emo")
            let first = try #require(listed.array.first as? [String: Any])
            #expect(first["code"] as? String == "gelach")
            #expect((first["span"] as? [String: Any])?["endMilliseconds"] as? Int == 400)

            let id = try #require(first["id"] as? Int)
            let removed = try await session.send(.delete, "/api/time-spans/\(id)")
            #expect(removed.status == .ok)
            #expect(removed.object["removed"] as? Int == 1)
            #expect(try await session.get("/api/time-spans?doc=emo").array.isEmpty)
        }
        #expect(try web.store.timeSpanCodings().isEmpty)
    }

    @Test func refusalsNameTheProblem() async throws {
        let web = try MediaAPITests.linked()
        try await web.test { session in
            // Without `create`, a name no code has is refused: the picker offers only existing codes.
            let unknown = try await session.send(
                .post, "/api/time-spans", #"{"document":"emo","startMilliseconds":100,"endMilliseconds":400,"code":"gelach"}"#)
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("Unknown code 'gelach'"))
            let empty = try await session.send(
                .post, "/api/time-spans",
                #"{"document":"emo","startMilliseconds":400,"endMilliseconds":400,"code":"x","create":true}"#)
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("is empty: its end must come after its start"))
            let beyond = try await session.send(
                .post, "/api/time-spans",
                #"{"document":"emo","startMilliseconds":100,"endMilliseconds":501,"code":"x","create":true}"#)
            #expect(beyond.status == .badRequest)
            let noRecording = try await session.send(
                .post, "/api/time-spans",
                #"{"document":"cit","startMilliseconds":100,"endMilliseconds":400,"code":"x","create":true}"#)
            #expect(noRecording.status == .conflict)
            let negative = try await session.send(
                .post, "/api/time-spans", #"{"document":"emo","startMilliseconds":-1,"endMilliseconds":400,"code":"x"}"#)
            #expect(negative.status == .badRequest)
            #expect(negative.text.contains("'startMilliseconds' must be a whole number from 0"))
        }
        #expect(try web.store.timeSpanCodings().isEmpty && web.store.codes().isEmpty)
    }
}
