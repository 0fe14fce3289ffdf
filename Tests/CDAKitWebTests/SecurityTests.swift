import CDAKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CDAKitWeb

@Suite struct SecurityTests {
    @Test func apiWithoutTokenIsUnauthorized() async throws {
        let harness = try WebHarness.make()
        try await harness.test { session in
            let bare = try await session.raw(.get, "/api/session", headers: [:])
            #expect(bare.status == .unauthorized)
            #expect((bare.object["error"] as? String)?.contains("access token") == true)
            let wrong = try await session.raw(.get, "/api/session", headers: [.authorization: "Bearer 0123"])
            #expect(wrong.status == .unauthorized)
            let page = try await session.raw(.get, "/", headers: [:])
            #expect(page.status == .unauthorized)
            #expect(page.text.contains("cda serve"))
            #expect(try await session.raw(.get, "/app.css", headers: [:]).status == .unauthorized)
        }
    }

    /// Issue 19: the page without a token used an inline style its own policy blocks. It is now
    /// a page of the app's files, styled by a stylesheet anyone may fetch, that says what to do.
    @Test func theSignInPageSaysWhatToDoWithinItsPolicy() async throws {
        let harness = try WebHarness.make()
        try await harness.test { session in
            for uri in ["/", "/?token=nope", "/index.html", "/js/main.js"] {
                let page = try await session.raw(.get, uri, headers: [.cookie: "cda_session_8420=expired"])
                #expect(page.status == .unauthorized, "\(uri)")
                #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                #expect(page.text.contains("<link rel=\"stylesheet\" href=\"/signin.css\">"))
                #expect(!page.text.contains("style="), "\(uri): an inline style attribute")
                #expect(!page.text.contains("<style"), "\(uri): an inline style element")
                #expect(!page.text.contains("<script"), "\(uri)")
                #expect(page.text.contains("<code>cda serve</code> printed"))
                #expect(page.text.contains("started again, the old address and every session ended"))
                let policy = try #require(page.headers[.contentSecurityPolicy])
                #expect(policy.contains("style-src 'self'") && !policy.contains("unsafe-inline"))
            }
            let css = try await session.raw(.get, "/signin.css", headers: [:])
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(try await session.raw(.get, "/favicon.svg", headers: [:]).status == .ok)
            // Only those: the app's own files still need a session.
            #expect(try await session.raw(.get, "/app.css", headers: [:]).status == .unauthorized)
            #expect(try await session.raw(.get, "/signin.html", headers: [:]).status == .unauthorized)
        }
    }

    @Test func tokenInTheAddressSetsAStrictHttpOnlyCookie() async throws {
        let harness = try WebHarness.make()
        let token = harness.token
        try await harness.test { session in
            #expect(try await session.raw(.get, "/?token=\(String(repeating: "0", count: 64))", headers: [:]).status == .unauthorized)
            let login = try await session.raw(.get, "/?token=\(token)", headers: [:])
            #expect(login.status == .seeOther)
            #expect(login.headers[.location] == "/")
            let cookie = try #require(login.headers[.setCookie])
            let attributes = cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let pair = try #require(attributes.first?.split(separator: "=", maxSplits: 1).map(String.init))
            #expect(pair.first == "cda_session_8420")
            let value = try #require(pair.last)
            #expect(Set(attributes.dropFirst()) == ["Path=/", "HttpOnly", "SameSite=Strict"])
            let withCookie = try await session.raw(.get, "/api/session", headers: [.cookie: "cda_session_8420=\(value)"])
            #expect(withCookie.status == .ok)
            #expect(withCookie.object["csrfToken"] as? String == session.csrf)
            #expect(withCookie.object["coder"] as? String == "tester")
            let page = try await session.raw(.get, "/", headers: [.cookie: "cda_session_8420=\(value)"])
            #expect(page.status == .ok)
            #expect(page.text.contains("/js/main.js"))
        }
    }

    /// Issue 19: the cookie once carried the API token itself, and browsers send cookies for
    /// 127.0.0.1 to every port on it. The cookie now carries a session value of its own.
    @Test func theCookieIsASessionValueNotTheToken() async throws {
        let harness = try WebHarness.make()
        let token = harness.token
        try await harness.test { session in
            func login() async throws -> String {
                let cookie = try #require(try await session.raw(.get, "/?token=\(token)", headers: [:]).headers[.setCookie])
                return String(try #require(cookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last))
            }
            let first = try await login()
            let second = try await login()
            #expect(first != token && second != token)
            #expect(!first.contains(token) && !token.contains(first))
            #expect(first != second)
            #expect(first.count == 64 && first.allSatisfy(\.isHexDigit))
            for value in [first, second] {
                #expect(try await session.raw(.get, "/api/session", headers: [.cookie: "cda_session_8420=\(value)"]).status == .ok)
            }
            // The token is no session, and a session is no bearer token.
            #expect(try await session.raw(.get, "/api/session", headers: [.cookie: "cda_session_8420=\(token)"]).status == .unauthorized)
            #expect(try await session.raw(.get, "/api/session", headers: [.cookie: "cda_token_8420=\(token)"]).status == .unauthorized)
            #expect(try await session.raw(.get, "/api/session", headers: [.authorization: "Bearer \(first)"]).status == .unauthorized)
            // The token still works as a bearer header, for scripts.
            #expect(try await session.raw(.get, "/api/session", headers: [.authorization: "Bearer \(token)"]).status == .ok)
        }
    }

    @Test func oldSessionsEndWhenTooManyStart() {
        let sessions = BrowserSessions()
        let first = sessions.start()
        let rest = (0..<BrowserSessions.limit).map { _ in sessions.start() }
        #expect(!sessions.isValid(first))
        #expect(rest.allSatisfy(sessions.isValid))
        #expect(!sessions.isValid(""))
    }

    @Test func wrongHostIsRefused() async throws {
        let harness = try WebHarness.make()
        try await harness.test { session in
            let rebinding = try await session.raw(
                .get, "/api/session",
                headers: [
                    .authorization: "Bearer \(session.token)", HTTPField.Name("Host")!: "evil.example:8420",
                ])
            #expect(rebinding.status == .misdirectedRequest)
            #expect((rebinding.object["error"] as? String)?.contains("evil.example") == true)
            let otherPort = try await session.raw(
                .get, "/api/session",
                headers: [
                    .authorization: "Bearer \(session.token)", HTTPField.Name("Host")!: "127.0.0.1:9999",
                ])
            #expect(otherPort.status == .misdirectedRequest)
            let right = try await session.raw(
                .get, "/api/session",
                headers: [
                    .authorization: "Bearer \(session.token)", HTTPField.Name("Host")!: "127.0.0.1:8420",
                ])
            #expect(right.status == .ok)
        }
    }

    @Test(arguments: [
        ("127.0.0.1:8420", true), ("localhost:8420", true), ("LOCALHOST:8420", true), ("[::1]:8420", true), ("localhost", true),
        ("127.0.0.1:8421", false), ("evil.example:8420", false), ("127.0.0.1.evil.example:8420", false), ("localhost:8420:1", false),
        ("[::1]x", false), ("", false), ("127.0.0.1:", false),
    ])
    func hostCheck(authority: String, allowed: Bool) {
        let names = WorkbenchConfiguration(coder: "a", projectName: "p").allowedHostNames
        #expect(HostGuardMiddleware<BasicRequestContext>.allows(authority, names: names, port: 8420) == allowed)
    }

    @Test func allowedHostNamesPassTheHostAndOriginChecks() async throws {
        let harness = try WebHarness.make(host: "0.0.0.0", allowedHosts: ["Workbench.example.org"])
        let body = #"{"document":"cit","startUtterance":2,"code":"snel"}"#
        try await harness.test { session in
            let bearer: HTTPFields = [.authorization: "Bearer \(session.token)"]
            for (host, status) in [
                ("workbench.example.org", HTTPResponse.Status.ok), ("workbench.example.org:8420", .ok), ("127.0.0.1:8420", .ok),
                ("workbench.example.org:9999", .misdirectedRequest), ("other.example.org", .misdirectedRequest),
                ("192.168.1.20:8420", .misdirectedRequest),
            ] {
                var headers = bearer
                headers[HTTPField.Name("Host")!] = host
                #expect(try await session.raw(.get, "/api/session", headers: headers).status == status, "\(host)")
            }
            // Behind a TLS reverse proxy the browser's origin is https://NAME.
            for (origin, status) in [
                ("https://workbench.example.org", HTTPResponse.Status.created), ("http://workbench.example.org:8420", .created),
                ("https://evil.example.org", .forbidden), ("https://workbench.example.org.evil.example", .forbidden),
            ] {
                var headers = bearer
                headers[WebHarness.Session.csrfHeader] = session.csrf
                headers[.origin] = origin
                let response = try await session.raw(.post, "/api/codings", headers: headers, body: body)
                #expect(response.status == status, "\(origin): \(response.status)")
            }
        }
    }

    @Test(arguments: [
        ("127.0.0.1", [String](), true), ("localhost", [], true), ("::1", [], true), ("0.0.0.0", [], false), ("::", [], false),
        ("192.168.1.20", [], false), ("0.0.0.0", ["workbench.lan"], true), ("192.168.1.20", ["192.168.1.20"], true),
        ("127.0.0.1", ["workbench.example.org"], true), ("127.0.0.1", ["https://workbench.example.org"], false),
        ("127.0.0.1", ["workbench.example.org:443"], false), ("127.0.0.1", ["a/b"], false), ("127.0.0.1", [""], false),
        ("127.0.0.1", ["two words"], false), ("127.0.0.1", ["[::1]"], true), ("0.0.0.0", ["-bad.lan"], false),
    ])
    func onlyLoopbackStartsWithoutAllowedHosts(host: String, allowed: [String], starts: Bool) {
        let configuration = WorkbenchConfiguration(host: host, coder: "a", projectName: "p", allowedHosts: allowed)
        let started = (try? configuration.check()) != nil
        #expect(started == starts, "\(host) \(allowed)")
    }

    @Test func changesNeedTheCSRFTokenAndTheirOwnOrigin() async throws {
        let harness = try WebHarness.make()
        let body = #"{"document":"cit","startUtterance":2,"code":"snel"}"#
        try await harness.test { session in
            let missing = try await session.raw(
                .post, "/api/codings", headers: [.authorization: "Bearer \(session.token)", .contentType: "application/json"], body: body)
            #expect(missing.status == .forbidden)
            #expect((missing.object["error"] as? String)?.contains("X-CSRF-Token") == true)
            let wrong = try await session.raw(
                .post, "/api/codings",
                headers: [
                    .authorization: "Bearer \(session.token)", WebHarness.Session.csrfHeader: String(repeating: "f", count: 64),
                ], body: body)
            #expect(wrong.status == .forbidden)
            let foreign = try await session.raw(
                .post, "/api/codings",
                headers: [
                    .authorization: "Bearer \(session.token)", WebHarness.Session.csrfHeader: session.csrf, .origin: "http://evil.example",
                ], body: body)
            #expect(foreign.status == .forbidden)
            let deleteWithout = try await session.raw(.delete, "/api/codings/1", headers: [.authorization: "Bearer \(session.token)"])
            #expect(deleteWithout.status == .forbidden)
            let same = try await session.raw(
                .post, "/api/codings",
                headers: [
                    .authorization: "Bearer \(session.token)", WebHarness.Session.csrfHeader: session.csrf,
                    .origin: "http://127.0.0.1:8420",
                ], body: body)
            #expect(same.status == .created)
        }
        #expect(try harness.store.codes().map(\.name) == ["snel"])
    }

    @Test func staticFilesCannotEscapeTheirFolder() async throws {
        let harness = try WebHarness.make()
        try await harness.test { session in
            let css = try await session.get("/app.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            let script = try await session.get("/js/main.js")
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            for path in [
                "/../Package.swift", "/js/../../Package.swift", "/%2e%2e/Package.swift", "/js/%2e%2e/%2e%2e/CDAKitWeb/Workbench.swift",
                "/..%2f..%2fPackage.swift", "//etc/passwd", "/Resources/index.html", "/.//index.html",
            ] {
                let response = try await session.get(path)
                #expect(response.status == .notFound, "\(path) answered \(response.status)")
                #expect(!response.text.contains("swift-tools-version"))
            }
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let harness = try WebHarness.make()
        try await harness.test { session in
            for response in [
                try await session.get("/"), try await session.get("/api/codes"), try await session.raw(.get, "/api/codes", headers: [:]),
            ] {
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            }
            let report = try await session.get("/api/report.html")
            #expect(report.status == .ok)
            #expect(report.headers[.contentSecurityPolicy]?.contains("sandbox") == true)
            #expect(report.text.contains("<html"))
        }
    }

    @Test func tokensAreRandomAndComparedWhole() {
        let a = AccessToken.random()
        let b = AccessToken.random()
        #expect(a.count == 64 && b.count == 64)
        #expect(a != b)
        #expect(a.allSatisfy { $0.isHexDigit })
        #expect(AccessToken.matches(a, a))
        #expect(!AccessToken.matches(String(a.dropLast()), a))
        #expect(!AccessToken.matches("", ""))
        #expect(!AccessToken.matches(b, a))
    }
}
