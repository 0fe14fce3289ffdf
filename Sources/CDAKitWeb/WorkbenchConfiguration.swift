/// How one run of the workbench is set up: where it listens, its secrets, who codes by default.
public struct WorkbenchConfiguration: Sendable {
    /// The address to bind; loopback by default.
    public var host: String
    /// The port; 0 lets the system choose one.
    public var port: Int
    /// The access token: in the printed address (traded for a session cookie) or `Authorization: Bearer`.
    public var token: String
    /// The CSRF token that POST, PUT and DELETE requests must send as `X-CSRF-Token`.
    public var csrfToken: String
    /// The coder new codings are attributed to when the page names none.
    public var coder: String
    /// A name for the project, shown in the page title and the report header.
    public var projectName: String

    /// Creates a configuration with fresh random tokens.
    public init(
        host: String = "127.0.0.1", port: Int = 8420, coder: String, projectName: String,
        token: String = AccessToken.random(), csrfToken: String = AccessToken.random()
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.csrfToken = csrfToken
        self.coder = coder
        self.projectName = projectName
    }

    /// Names a browser may use in the `Host` header: the bound host and, for a loopback or
    /// wildcard address, the loopback names. Anything else is refused (DNS rebinding).
    public var allowedHostNames: Set<String> {
        let loopback: Set<String> = ["127.0.0.1", "localhost", "::1", "[::1]"]
        let bound = host.lowercased()
        if loopback.contains(bound) || bound == "0.0.0.0" || bound == "::" { return loopback.union([bound]) }
        return [bound, bound.hasPrefix("[") ? bound : "[\(bound)]"]
    }

    /// Whether the host is a loopback address (only this computer can connect).
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host.lowercased()) }

    /// The URL to open, with the token, for a given (bound) port.
    public func url(port: Int) -> String {
        let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/?token=\(token)"
    }

    /// The cookie that carries the browser's session. Browsers do not keep cookies apart by port,
    /// so the name holds the port: two workbenches on one computer (two projects) do not end each
    /// other's sessions.
    func cookieName(port: Int) -> String { "cda_session_\(port)" }
}
