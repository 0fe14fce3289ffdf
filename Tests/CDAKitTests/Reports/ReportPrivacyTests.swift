import CDAKit
import Foundation
import Testing

@Suite struct ReportPrivacyTests {
    /// The JSON report keeps the sentence it always carried, and reads back to the same value.
    @Test(arguments: [
        (ReportPrivacy.private, "\"private (no participant text)\""),
        (ReportPrivacy.quotes(maxWords: 40), "\"quotes (at most 40 words each)\""),
    ])
    func encodesAsItsSentence(privacy: ReportPrivacy, json: String) throws {
        let encoded = try JSONEncoder().encode(privacy)
        #expect(String(decoding: encoded, as: UTF8.self) == json)
        #expect(try JSONDecoder().decode(ReportPrivacy.self, from: encoded) == privacy)
    }

    @Test func anUnknownSentenceIsADecodingError() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReportPrivacy.self, from: Data("\"public\"".utf8)) }
    }
}
