import Foundation

/// The start of a turn found on one line of plain text: `[00:12:34] P03: text`.
struct TurnLine {
    /// The time in seconds, when the line starts with one.
    var time: Double?
    /// The speaker label, when the line has one.
    var label: String?
    /// The text after the label.
    var text: Substring

    /// Recognises the built-in turn notations.
    ///
    /// - Parameters:
    ///   - line: One line, without its line break.
    ///   - location: Where the line is, for errors.
    /// - Returns: The turn start, or `nil` when the line is ordinary text.
    /// - Throws: `IngestError.invalidTime` for a bracketed time that is not a time, such as `[00:75:10]`.
    static func parse(_ line: Substring, location: SourceLocation) throws(IngestError) -> TurnLine? {
        var rest = line.drop(while: { $0 == " " || $0 == "\t" })
        var time: Double?
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            let inner = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...].drop(while: { $0 == " " || $0 == "\t" })
            if isClockShaped(inner) {
                guard let seconds = TimeCode.seconds(inner) else {
                    let column = line.distance(from: line.startIndex, to: rest.startIndex) + 1
                    throw .invalidTime(SourceLocation(file: location.file, line: location.line, column: column), value: String(inner))
                }
                time = seconds
                rest = after
            } else if isLabel(inner) {
                return TurnLine(time: nil, label: String(inner), text: after)
            }
        } else if let space = rest.firstIndex(where: { $0 == " " || $0 == "\t" }), TimeCode.looksLikeClock(rest[..<space]) {
            time = TimeCode.seconds(rest[..<space])
            rest = rest[space...].drop(while: { $0 == " " || $0 == "\t" })
        }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            let inner = rest[rest.index(after: rest.startIndex)..<close]
            if isLabel(inner) {
                let after = rest[rest.index(after: close)...].drop(while: { $0 == " " || $0 == "\t" })
                return TurnLine(time: time, label: String(inner), text: after)
            }
        }
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            let afterColon = rest[rest.index(after: colon)...]
            if isLabel(candidate), afterColon.isEmpty || afterColon.first == " " || afterColon.first == "\t" {
                return TurnLine(time: time, label: String(candidate), text: afterColon.drop(while: { $0 == " " || $0 == "\t" }))
            }
        }
        if time != nil { return TurnLine(time: time, label: nil, text: rest) }
        return nil
    }

    /// Whether `text` could be a speaker label: at most 40 characters and 4 words, starting with a
    /// letter, made of letters, digits, spaces and `. - _ ' ( ) #`.
    static func isLabel(_ text: Substring) -> Bool {
        guard let first = text.first, first.isLetter, text.count <= 40, text.last != " " else { return false }
        guard text.split(separator: " ").count <= 4 else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || " .-_'()#".contains($0) }
    }

    private static func isClockShaped(_ text: Substring) -> Bool {
        text.first?.isNumber == true && text.contains(":")
            && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ":" || $0 == "." || $0 == ",") }
    }
}
