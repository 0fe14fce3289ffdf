import CDAKitWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import CDAKit

/// `GET /api/coders`: whom the page offers when it asks who is coding.
@Suite struct CoderAPITests {
    @Test func codersAreEveryoneWhoCodedOrTookAStep() async throws {
        let harness = try WebHarness.make()
        for (start, code, coder) in [(2, "loket", "anna"), (3, "china", "bert"), (5, "loket", "bert")] {
            _ = try harness.store.addCoding(
                CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: start), codeName: code, coder: coder))
        }
        _ = try harness.store.renameCode("china", to: "china-beeld", actor: "carla")
        try await harness.test { session in
            let response = try await session.get("/api/coders")
            #expect(response.status == .ok)
            #expect(response.array as? [String] == ["anna", "bert", "carla"])
        }
    }
}
