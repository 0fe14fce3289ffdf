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
    /// - Parameter empty: The value of an empty body, for requests whose body is optional.
    /// - Throws: `WebError.tooLarge` for a body over `maximumRequestSize`; `WebError.badRequest`
    ///   naming what is wrong (not JSON, a missing or mistyped key, a number out of the range
    ///   `RequestBounds` allows).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, empty: T? = nil) async throws -> T {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maximumRequestSize)
        } catch {
            throw WebError.tooLarge("The request body is larger than \(maximumRequestSize) bytes.")
        }
        if buffer.readableBytes == 0, let empty { return empty }
        let data = Data(buffer.readableBytesView)
        let value: T
        do {
            value = try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw WebError.badRequest("The request body lacks '\(key.stringValue)'.")
        } catch let DecodingError.typeMismatch(_, context) {
            throw WebError.badRequest(
                "The request body has a value of the wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'.")
        } catch let DecodingError.valueNotFound(_, context) {
            throw WebError.badRequest(
                "The request body lacks a value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'.")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw WebError.badRequest(
                "The request body has a value out of range or of the wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'."
            )
        } catch {
            // The decoder calls a number too large for an integer, or with a fraction, "not valid JSON".
            if let (key, number) = misfitNumber(in: data) {
                throw WebError.badRequest("'\(key)' in the request body must be a whole number, not \(number).")
            }
            throw WebError.badRequest("The request body is not valid JSON.")
        }
        if let bounded = value as? any BoundedBody { try bounded.checkBounds() }
        return value
    }

    /// The first top-level key whose value is a number but no whole number that fits an `Int`
    /// (`1.5`, `1e30`, `9223372036854775808`), with that number as the body wrote it.
    static func misfitNumber(in data: Data) -> (key: String, number: String)? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        for key in object.keys.sorted() {
            guard let number = object[key] as? NSNumber, !(object[key] is Bool) else { continue }
            if Int(number.stringValue) == nil { return (key, number.stringValue) }
        }
        return nil
    }
}
