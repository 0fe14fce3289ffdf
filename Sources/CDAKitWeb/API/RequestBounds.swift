import CDAKit
import Hummingbird

/// The ranges that integers from a request may take: query parameters, path parameters and the
/// numbers in JSON bodies all pass `check` before a handler uses them, so that no number from
/// outside reaches arithmetic or the library out of range (`from=9223372036854775807`, a
/// negative limit). A value out of range, or not a whole number, answers 400 naming the parameter.
enum RequestBounds {
    /// A 1-based utterance number.
    static let utterance = 1...1_000_000_000
    /// A code-point offset inside an utterance.
    static let offset = 0...1_000_000_000
    /// A time in a recording, in milliseconds: up to a week.
    static let milliseconds = 0...604_800_000
    /// A round: 1 (open coding) or 2 (focused coding).
    static let round = CodingRound.all
    /// A coding's or a step's id: positive, and exact in JavaScript (at most 2^53 − 1).
    static let identifier: ClosedRange<Int64> = 1...9_007_199_254_740_991
    /// Concordance lines one search answers with.
    static let searchLimit = 1...2000
    /// Characters of context on each side of a concordance line.
    static let width = 0...200
    /// Merge suggestions one request answers with.
    static let suggestionLimit = 1...500
    /// Occurrences one *Find in transcript* answers with.
    static let findLimit = 1...10_000

    /// Refuses `value` outside `range`.
    ///
    /// - Parameters:
    ///   - value: The number, or `nil` when the request left it out (then nothing is checked).
    ///   - name: The parameter or key, quoted in the message.
    /// - Returns: `value`.
    /// - Throws: `WebError.badRequest`, such as "'from' must be a whole number from 1 to 1000000000, not -5."
    @discardableResult
    static func check<Number: BinaryInteger>(_ value: Number?, _ name: String, _ range: ClosedRange<Number>) throws -> Number? {
        guard let value else { return nil }
        guard range.contains(value) else { throw refusal(name, range, String(value)) }
        return value
    }

    /// Parses and checks a number given as text (a query or path parameter).
    ///
    /// - Throws: `WebError.badRequest` when the text is not a whole number or is out of range.
    static func parse<Number: FixedWidthInteger>(_ text: String?, _ name: String, _ range: ClosedRange<Number>) throws -> Number? {
        guard let text else { return nil }
        guard let value = Number(text, radix: 10) else { throw refusal(name, range, "'\(text.prefix(40))'") }
        return try check(value, name, range)
    }

    private static func refusal(_ name: String, _ range: ClosedRange<some BinaryInteger>, _ shown: String) -> WebError {
        .badRequest("'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(shown).")
    }
}

/// A JSON body with numbers: `JSONBody.decode` calls `checkBounds` right after decoding.
protocol BoundedBody: Decodable {
    /// Checks every number with `RequestBounds.check`.
    ///
    /// - Throws: `WebError.badRequest` naming the first key out of range.
    func checkBounds() throws
}

extension Request {
    /// An integer query parameter within `range`, or `nil` when absent.
    ///
    /// - Throws: `WebError.badRequest` when it is not a whole number or is out of range.
    func intQuery(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        try RequestBounds.parse(query(name), name, range)
    }
}

extension Parameters {
    /// The id in the path (`/api/codings/:id`), checked against `RequestBounds.identifier`.
    ///
    /// - Throws: `WebError.badRequest` when it is not a whole number or is out of range.
    func identifier(_ name: String = "id") throws -> Int64 {
        guard let id = try RequestBounds.parse(get(name), name, RequestBounds.identifier) else {
            throw WebError.badRequest("The path lacks the '\(name)'.")
        }
        return id
    }
}
