import HTTPTypes
import Hummingbird

/// Lets a request through only with a session cookie (set when the page is first opened with
/// `?token=`; its value is a random session of `BrowserSessions`, never the token) or with
/// `Authorization: Bearer TOKEN`. State-changing methods also need the CSRF token in
/// `X-CSRF-Token` and, when the browser sends an `Origin`, an origin of this server.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let configuration: WorkbenchConfiguration
    let port: BoundPort
    let sessions: BrowserSessions
    /// The app's files: the sign-in page comes from them.
    let assets: StaticAssets

    static var csrfHeader: HTTPField.Name { HTTPField.Name("X-CSRF-Token")! }

    /// Files anyone may fetch: what the sign-in page needs. They hold no project data.
    static var publicPaths: Set<String> { ["/signin.css", "/favicon.svg"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let cookieName = configuration.cookieName(port: port.value)
        if request.method == .get || request.method == .head, Self.publicPaths.contains(path) {
            return try await next(request, context)
        }
        if request.method == .get, path == "/", let presented = request.uri.queryParameters["token"] {
            guard AccessToken.matches(presented, configuration.token) else { return signInPage() }
            // Trade the token in the address for a session cookie, and drop it from the address bar and history.
            return Response(
                status: .seeOther,
                headers: [
                    .location: "/",
                    .setCookie: "\(cookieName)=\(sessions.start()); Path=/; HttpOnly; SameSite=Strict",
                    .cacheControl: "no-store",
                ])
        }
        guard isAuthenticated(request, cookieName: cookieName) else {
            if path.hasPrefix("/api/") { throw WebError.unauthorized }
            return signInPage()
        }
        if ![.get, .head, .options].contains(request.method) {
            guard let csrf = request.headers[Self.csrfHeader], AccessToken.matches(csrf, configuration.csrfToken) else {
                throw WebError.forbidden("Changes need the CSRF token in the 'X-CSRF-Token' header; get it from GET /api/session.")
            }
            if let origin = request.headers[.origin], !allowsOrigin(origin) {
                throw WebError.forbidden("Changes from the origin '\(origin)' are refused.")
            }
        }
        return try await next(request, context)
    }

    private func isAuthenticated(_ request: Request, cookieName: String) -> Bool {
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            return AccessToken.matches(authorization.dropFirst("Bearer ".count), configuration.token)
        }
        if let cookie = request.cookies[cookieName] {
            return sessions.isValid(cookie.value)
        }
        return false
    }

    /// Whether `origin` is this server: its own address over HTTP, or an allowed name behind a TLS
    /// reverse proxy (`https://NAME`, whose port the proxy chooses).
    private func allowsOrigin(_ origin: String) -> Bool {
        if origin.hasPrefix("http://") {
            return HostGuardMiddleware<Context>.allows(
                String(origin.dropFirst("http://".count)), names: configuration.allowedHostNames, port: port.value)
        }
        if origin.hasPrefix("https://") {
            let authority = origin.dropFirst("https://".count).lowercased()
            return configuration.allowedHosts.contains { name in
                let name = name.lowercased()
                return authority == name || (authority.hasPrefix(name + ":") && Int(authority.dropFirst(name.count + 1)) != nil)
            }
        }
        return false
    }

    /// The page shown without a valid token or session (`signin.html`, styled by `signin.css` so
    /// that the page's Content-Security-Policy, which allows no inline style, holds), with 401.
    func signInPage() -> Response {
        let bytes =
            assets.files["/signin.html"]?.bytes
            ?? Array("This workbench needs the address that 'cda serve' printed (it ends in ?token=…).".utf8)
        return Response(
            status: .unauthorized,
            headers: [
                .contentType: bytes.first == UInt8(ascii: "<") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
                .cacheControl: "no-store",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
