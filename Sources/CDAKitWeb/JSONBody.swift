import Foundation
import Hummingbird

/// Encodes and decodes the API's JSON bodies.
enum JSONBody {
    /// The most bytes a request body may have.
    static let maximumRequestSize = 1 << 20

    /// A JSON response with stable (sorted) keys.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"the response could not be encoded"}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Reads and decodes a request's JSON body.
    ///
    /// - Throws: `WebError.badRequest` naming what is wrong (too large, not JSON, a missing or mistyped key).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maximumRequestSize)
        } catch {
            throw WebError.badRequest("The request body is larger than \(maximumRequestSize) bytes.")
        }
        do {
            return try JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
        } catch let DecodingError.keyNotFound(key, _) {
            throw WebError.badRequest("The request body lacks '\(key.stringValue)'.")
        } catch let DecodingError.typeMismatch(_, context) {
            throw WebError.badRequest("The request body has a value of the wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'.")
        } catch let DecodingError.valueNotFound(_, context) {
            throw WebError.badRequest("The request body lacks a value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'.")
        } catch {
            throw WebError.badRequest("The request body is not valid JSON.")
        }
    }
}
