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
    /// Further names the `Host` header may carry (`--allow-host`): the name of a reverse proxy in
    /// front of the workbench, or this computer's name on the network.
    public var allowedHosts: [String]

    /// Creates a configuration with fresh random tokens.
    public init(
        host: String = "127.0.0.1", port: Int = 8420, coder: String, projectName: String, allowedHosts: [String] = [],
        token: String = AccessToken.random(), csrfToken: String = AccessToken.random()
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.csrfToken = csrfToken
        self.coder = coder
        self.projectName = projectName
        self.allowedHosts = allowedHosts
    }

    /// Names a browser may use in the `Host` header: the bound host, for a loopback or wildcard
    /// address the loopback names, and the `allowedHosts`. Anything else is refused (DNS rebinding).
    public var allowedHostNames: Set<String> {
        let loopback: Set<String> = ["127.0.0.1", "localhost", "::1", "[::1]"]
        let bound = host.lowercased()
        let extra = Set(allowedHosts.map { $0.lowercased() })
        if loopback.contains(bound) || bound == "0.0.0.0" || bound == "::" { return loopback.union([bound]).union(extra) }
        return Set([bound, bound.hasPrefix("[") ? bound : "[\(bound)]"]).union(extra)
    }

    /// Whether the host is a loopback address (only this computer can connect).
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) }

    /// Checks that this configuration may start.
    ///
    /// A host other than loopback lets other computers connect over plain HTTP, and their browsers
    /// would send a `Host` this server does not know; such a host is refused unless the names they
    /// use are allowed with `allowedHosts`. The supported way to reach the workbench from elsewhere
    /// is a reverse proxy with TLS on this computer, forwarding to 127.0.0.1 with its own name allowed.
    ///
    /// - Throws: `WorkbenchError.exposedWithoutAllowedHosts`, or `.invalidHostName` for an allowed
    ///   name that is not a host name or address (a scheme, a port, a path, a space).
    public func check() throws(WorkbenchError) {
        for name in allowedHosts where !Self.isHostName(name) { throw .invalidHostName(name) }
        if !isLoopback && allowedHosts.isEmpty { throw .exposedWithoutAllowedHosts(host: host) }
    }

    /// Whether `name` is a DNS name, an IPv4 address or a bracketed IPv6 address, without port.
    static func isHostName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 253 else { return false }
        if name.hasPrefix("["), name.hasSuffix("]") {
            let inner = name.dropFirst().dropLast()
            return !inner.isEmpty && inner.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

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
