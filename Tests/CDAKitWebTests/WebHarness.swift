import CDAKit
import CDATestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

@testable import CDAKitWeb

/// A workbench over a fresh fixture project, with helpers that send the token and CSRF token.
struct WebHarness {
    let folder: TemporaryDirectory
    let store: ProjectStore
    let workbench: Workbench

    var token: String { workbench.configuration.token }
    var csrf: String { workbench.configuration.csrfToken }

    /// A transcript whose utterances mix diacritics and an emoji (one code point, two UTF-16 units).
    static let emojiTranscript = """
        # id: emo
        # group: citizens
        # moderator: M
        # speakers: M, C1

        ## plenary
        M: Welkom 🙂 allemaal.
        C1: Één loket 🙂 is naïef, zeggen ze.
        C1: Tweede beurt over coördinatie.
        """

    /// The two-group coding fixture plus the emoji transcript, on port 8420.
    static func make(host: String = "127.0.0.1", allowedHosts: [String] = []) throws -> WebHarness {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let transcript = try PlainTextReader().read(SourceFile(path: "emo.txt", bytes: Array(emojiTranscript.utf8)), options: ReadOptions())
        _ = try store.save(transcript, replace: false)
        let workbench = try Workbench(
            store: store,
            configuration: WorkbenchConfiguration(
                host: host, port: 8420, coder: "tester", projectName: "p", allowedHosts: allowedHosts))
        return WebHarness(folder: folder, store: store, workbench: workbench)
    }

    /// Runs `body` against the router (no network).
    func test(_ body: @escaping @Sendable (Session) async throws -> Void) async throws {
        let app = Application(router: workbench.makeRouter())
        let token = token
        let csrf = csrf
        try await app.test(.router) { client in
            try await body(Session(client: client, token: token, csrf: csrf))
        }
    }

    /// A client that authenticates with the bearer token and sends the CSRF token on changes.
    struct Session: Sendable {
        let client: any TestClientProtocol
        let token: String
        let csrf: String

        static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

        /// GET with the token.
        func get(_ uri: String) async throws -> TestResponse {
            try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"])
        }

        /// A change with the token, the CSRF token and a JSON body.
        func send(_ method: HTTPRequest.Method, _ uri: String, _ json: String = "{}") async throws -> TestResponse {
            try await client.execute(
                uri: uri, method: method,
                headers: [.authorization: "Bearer \(token)", Self.csrfHeader: csrf, .contentType: "application/json"],
                body: ByteBuffer(string: json))
        }

        /// A request with exactly these headers.
        func raw(_ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields, body: String? = nil) async throws -> TestResponse {
            try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        }
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:] }

    /// The body as a JSON array.
    var array: [Any] { (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [Any] ?? [] }

    /// The body decoded as `T`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(type, from: Data(body.readableBytesView)) }
}

/// JSON text for a request body from an encodable value.
func json(_ value: some Encodable) -> String {
    String(decoding: try! JSONEncoder().encode(value), as: UTF8.self)
}
