import HTTPTypes
import Hummingbird

/// Refuses requests whose `Host` names another host or port than the one the server was started
/// for, so that a web page on a hostile domain that resolves to 127.0.0.1 (DNS rebinding) cannot
/// reach the API.
struct HostGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    let allowedNames: Set<String>
    let port: BoundPort

    /// A `Host` header field beside the authority (HTTPTypes moves the first into `authority`).
    static var hostField: HTTPField.Name { HTTPField.Name("Host")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // HTTP/1.1 puts the Host header into the request's authority; a second Host field is checked too.
        let presented = (request.head.authority.map { [$0] } ?? []) + request.headers[values: Self.hostField]
        guard !presented.isEmpty else { throw WebError.wrongHost("(none)") }
        for host in presented where !Self.allows(host, names: allowedNames, port: port.value) {
            throw WebError.wrongHost(host)
        }
        return try await next(request, context)
    }

    /// Whether `authority` (`name`, `name:port`, `[v6]:port`) names an allowed host and, if it has a port, the bound port.
    static func allows(_ authority: String, names: Set<String>, port: Int) -> Bool {
        let value = authority.lowercased()
        var name = value
        var portText: Substring?
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") {
            name = String(value[...close])
            let rest = value[value.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return false }
                portText = rest.dropFirst()
            }
        } else if let colon = value.firstIndex(of: ":") {
            guard value[value.index(after: colon)...].firstIndex(of: ":") == nil else { return false }
            name = String(value[..<colon])
            portText = value[value.index(after: colon)...]
        }
        guard names.contains(name) else { return false }
        guard let portText else { return true }
        return Int(portText) == port
    }
}
