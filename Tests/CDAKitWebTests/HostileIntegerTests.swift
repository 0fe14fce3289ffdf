import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import CDAKit
@testable import CDAKitWeb

/// Every integer the API takes — in a query, in the path, in a JSON body — given a negative
/// number, zero, `Int.max`, `Int.min`, a fraction and a word: each answers 400 with a message that
/// names the parameter, and never stops the server (`from=Int.max` once trapped on `from + 199`).
@Suite struct HostileIntegerTests {
    /// One integer of one endpoint, and the values it must refuse.
    struct Case: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        /// The path and query; `{}` is where the value goes.
        var uri: String
        /// The JSON body, `{}` where the value goes (raw JSON: numbers as they are, words quoted).
        var body: String?
        /// The parameter or key the message must name.
        var name: String
        var refused: [String]
        var description: String { "\(method) \(uri) \(body ?? "")" }
    }

    static let max = String(Int.max), min = String(Int.min)
    /// Values no integer parameter accepts.
    static let always = ["-1", max, min, "abc", "1.5", "9223372036854775808"]
    static let positive = ["0"] + always
    /// The same values as raw JSON.
    static let jsonAlways = ["-1", max, min, #""abc""#, "1.5", "1e30", "9223372036854775808"]
    static let jsonPositive = ["0"] + jsonAlways

    static let cases: [Case] = [
        Case(method: .get, uri: "/api/transcript?doc=cit&from={}", name: "from", refused: positive),
        Case(method: .get, uri: "/api/transcript?doc=cit&from=1&to={}", name: "to", refused: positive),
        Case(method: .get, uri: "/api/search?q=overheid&limit={}", name: "limit", refused: positive + ["2001"]),
        Case(method: .get, uri: "/api/transcript/find?doc=cit&q=de&limit={}", name: "limit", refused: positive + ["10001"]),
        Case(method: .get, uri: "/api/search?q=overheid&width={}", name: "width", refused: always + ["201"]),
        Case(method: .get, uri: "/api/suggestions/merges?limit={}", name: "limit", refused: positive + ["501"]),
        Case(method: .get, uri: "/api/themes?round={}", name: "round", refused: positive + ["3"]),
        Case(method: .get, uri: "/api/report.html?round={}", name: "round", refused: positive + ["3"]),
        Case(method: .get, uri: "/api/codes/fragments?round={}", name: "round", refused: positive + ["3"]),
        Case(method: .get, uri: "/api/codings/{}", name: "id", refused: positive),
        Case(method: .delete, uri: "/api/codings/{}", name: "id", refused: positive),
        Case(method: .put, uri: "/api/codings/{}/memo", body: #"{"memo":"m"}"#, name: "id", refused: positive),
        Case(method: .put, uri: "/api/codings/{}/code", body: #"{"code":"x"}"#, name: "id", refused: positive),
        Case(
            method: .post, uri: "/api/codings", body: #"{"document":"cit","startUtterance":{},"code":"x"}"#, name: "startUtterance",
            refused: jsonPositive),
        Case(
            method: .post, uri: "/api/codings", body: #"{"document":"cit","startUtterance":1,"endUtterance":{},"code":"x"}"#,
            name: "endUtterance", refused: jsonPositive),
        Case(
            method: .post, uri: "/api/codings", body: #"{"document":"cit","startUtterance":1,"startOffset":{},"endOffset":3,"code":"x"}"#,
            name: "startOffset", refused: jsonAlways),
        Case(
            method: .post, uri: "/api/codings", body: #"{"document":"cit","startUtterance":1,"startOffset":0,"endOffset":{},"code":"x"}"#,
            name: "endOffset", refused: jsonAlways),
        Case(
            method: .post, uri: "/api/codings", body: #"{"document":"cit","startUtterance":1,"code":"x","round":{}}"#, name: "round",
            refused: jsonPositive + ["3"]),
        Case(
            method: .post, uri: "/api/search/code", body: #"{"pattern":"overheid","code":"x","round":{}}"#, name: "round",
            refused: jsonPositive + ["3"]),
        Case(method: .post, uri: "/api/rounds/start", body: #"{"round":{}}"#, name: "round", refused: jsonPositive + ["3"]),
        Case(method: .post, uri: "/api/undo", body: #"{"step":{}}"#, name: "step", refused: jsonPositive + ["9007199254740992"]),
    ]

    @Test(arguments: cases)
    func integerOutOfRangeIsRefusedWithItsName(_ testCase: Case) async throws {
        let harness = try WebHarness.make()
        let before = try harness.store.dump()
        try await harness.test { session in
            for value in testCase.refused {
                let uri = testCase.uri.replacingOccurrences(of: "{}", with: value)
                let response =
                    if let body = testCase.body {
                        try await session.send(testCase.method, uri, body.replacingOccurrences(of: "{}", with: value))
                    } else if testCase.method == .get {
                        try await session.get(uri)
                    } else {
                        try await session.send(testCase.method, uri)
                    }
                let message = response.object["error"] as? String ?? response.text
                #expect(response.status == .badRequest, "\(testCase) \(value): \(response.status) \(message)")
                #expect(message.contains("'\(testCase.name)'"), "\(testCase) \(value): \(message)")
            }
            // The server still answers.
            #expect(try await session.get("/api/session").status == .ok)
        }
        #expect(try harness.store.dump() == before)
    }

    @Test func theLargestUtteranceNumbersAnswerWithAnEmptyPage() async throws {
        let harness = try WebHarness.make()
        try await harness.test { session in
            let last = RequestBounds.utterance.upperBound
            let page = try await session.get("/api/transcript?doc=cit&from=\(last)")
            #expect(page.status == .ok)
            #expect(page.object["to"] as? Int == 5)
            #expect((page.object["utterances"] as? [Any])?.isEmpty == true)
            let refused = try await session.get("/api/transcript?doc=cit&from=\(last + 1)")
            #expect(refused.status == .badRequest)
            #expect((refused.object["error"] as? String) == "'from' must be a whole number from 1 to 1000000000, not 1000000001.")
            #expect(try await session.get("/api/transcript?doc=cit&from=5&to=4").status == .badRequest)
        }
    }
}
