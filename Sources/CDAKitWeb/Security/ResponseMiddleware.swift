import HTTPTypes
import Hummingbird
import Logging

/// The outermost layer: turns every error into a JSON answer with the right status (library
/// errors keep their messages), and adds the security headers to every response.
struct ResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The page's policy: only this server's own scripts, styles, frames and connections.
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; "
            + "frame-ancestors 'self'; base-uri 'none'; form-action 'self'; object-src 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let mapped = ErrorMapping.webError(for: error)
            if case .storeFailure = mapped { context.logger.error("\(mapped.description)") }
            response = try mapped.response(from: request, context: context)
        }
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "SAMEORIGIN"
        response.headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        return response
    }
}
