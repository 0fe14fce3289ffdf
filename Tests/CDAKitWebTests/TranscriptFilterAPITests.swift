import CDAKitWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import CDAKit

/// `GET /api/transcript/filter`: the library's `TranscriptFilter` over a stored document.
@Suite struct TranscriptFilterAPITests {
    /// The fixture's `cit` (1 M, 2 C1, 3 C2, 4 C1, 5 C3; group citizens) with three codings.
    private func harness() throws -> WebHarness {
        let harness = try WebHarness.make()
        for (start, end, code, coder) in [(2, 2, "loket", "anna"), (3, 4, "china", "bert"), (5, 5, "loket", "bert")] {
            _ = try harness.store.addCoding(
                CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: start, endUtterance: end), codeName: code, coder: coder)
            )
        }
        return harness
    }

    @Test func filtersCombineAndTheServerCounts() async throws {
        try await harness().test { session in
            let all = try await session.get("/api/transcript/filter?doc=cit")
            #expect(all.status == .ok)
            #expect(all.object["utterances"] as? [Int] == [1, 2, 3, 4, 5])
            #expect(all.object["speakers"] as? [String] == ["C1", "C2", "C3", "M"])
            #expect(all.object["groups"] as? [String] == ["citizens"])
            #expect(all.object["codes"] as? [String] == ["china", "loket"])
            #expect(all.object["coders"] as? [String] == ["anna", "bert"])
            #expect(all.object["totalCodings"] as? Int == 3)

            let speaker = try await session.get("/api/transcript/filter?doc=cit&speaker=C1")
            #expect(speaker.object["utterances"] as? [Int] == [2, 4])
            #expect((speaker.object["codings"] as? [Int])?.count == 2)

            let combined = try await session.get("/api/transcript/filter?doc=cit&code=loket&coder=bert")
            #expect(combined.object["utterances"] as? [Int] == [5])
            #expect((combined.object["codings"] as? [Int])?.count == 1)

            let group = try await session.get("/api/transcript/filter?doc=cit&group=experts")
            #expect(group.object["utterances"] as? [Int] == [])
        }
    }

    @Test func anUnknownDocumentIsRefused() async throws {
        try await harness().test { session in
            let response = try await session.get("/api/transcript/filter?doc=nope")
            #expect(response.status == .notFound)
            #expect((response.object["error"] as? String)?.contains("nope") == true)
            let missing = try await session.get("/api/transcript/filter")
            #expect(missing.status == .badRequest)
        }
    }
}
