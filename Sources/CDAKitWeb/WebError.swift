import Foundation
import HTTPTypes
public import Hummingbird

/// Why the workbench refused a request. Every case answers with JSON `{"error": message}`.
public enum WebError: Error, Sendable, Hashable, CustomStringConvertible, HTTPResponseError {
    /// No valid access token was presented (401).
    case unauthorized
    /// The `Host` header names a host this server was not started for (421).
    case wrongHost(String)
    /// A state-changing request without a valid CSRF token, or from another origin (403).
    case forbidden(String)
    /// No such route or resource (404).
    case notFound(String)
    /// The request is malformed: a missing parameter, bad JSON, a value out of range (400).
    case badRequest(String)
    /// The request body is larger than the workbench reads (413); the connection is closed after
    /// the answer, so a client still sending learns at once instead of waiting for its timeout.
    case tooLarge(String)
    /// The project refused the change (409), or the thing named does not exist (404), with the library's message.
    case refused(status: Int, message: String)
    /// The project could not be read or written (500), with a message naming paths and ids only.
    case storeFailure(String)

    /// The message, in words.
    public var description: String {
        switch self {
        case .unauthorized:
            return
                "This workbench needs its access token: open the link that 'cda serve' printed (it ends in ?token=…), or send 'Authorization: Bearer TOKEN'."
        case .wrongHost(let host):
            return "Requests for host '\(host)' are refused; use the address 'cda serve' printed."
        case .forbidden(let message), .notFound(let message), .badRequest(let message), .tooLarge(let message),
            .storeFailure(let message):
            return message
        case .refused(_, let message):
            return message
        }
    }

    /// The HTTP status.
    public var status: HTTPResponse.Status {
        switch self {
        case .unauthorized: .unauthorized
        case .wrongHost: .misdirectedRequest
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .tooLarge: .contentTooLarge
        case .refused(let status, _): HTTPResponse.Status(code: status)
        case .storeFailure: .internalServerError
        }
    }

    /// The JSON response; a refused body also answers `Connection: close` (`CloseAfterResponseHandler`
    /// then closes the connection).
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONBody.response(["error": description], status: status)
        if case .tooLarge = self { response.headers[.connection] = "close" }
        return response
    }
}
