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
        var rest = line.droppingLeadingSpaces
        var time: Double?
        if rest.startsWith(ascii: 0x5B), let close = rest.firstIndex(ofASCII: 0x5D) {
            let inner = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...].droppingLeadingSpaces
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
        } else if rest.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true, let space = rest.firstSpaceIndex,
            TimeCode.looksLikeClock(rest[..<space])
        {
            time = TimeCode.seconds(rest[..<space])
            rest = rest[space...].droppingLeadingSpaces
        }
        if rest.startsWith(ascii: 0x5B), let close = rest.firstIndex(ofASCII: 0x5D) {
            let inner = rest[rest.index(after: rest.startIndex)..<close]
            if isLabel(inner) {
                let after = rest[rest.index(after: close)...].droppingLeadingSpaces
                return TurnLine(time: time, label: String(inner), text: after)
            }
        }
        // A label is at most 40 characters, so only look for its colon near the start.
        if let colon = rest.utf8.prefix(160).firstIndex(of: 0x3A) {
            let candidate = rest[..<colon]
            let afterColon = rest[rest.index(after: colon)...]
            let next = afterColon.utf8.first
            if next == nil || next == 0x20 || next == 0x09, isLabel(candidate) {
                return TurnLine(time: time, label: String(candidate), text: afterColon.droppingLeadingSpaces)
            }
        }
        if time != nil { return TurnLine(time: time, label: nil, text: rest) }
        return nil
    }

    /// Whether `text` could be a speaker label: at most 40 characters and 4 words, starting with a
    /// letter, made of letters, digits, spaces and `. - _ ' ( ) #`.
    static func isLabel(_ text: Substring) -> Bool {
        let bytes = text.utf8
        guard let firstByte = bytes.first, bytes.count <= 160 else { return false }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // ASCII labels, by far the most common: checked on bytes.
            let isLetter = { (b: UInt8) in (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
            guard isLetter(firstByte), bytes.count <= 40, bytes.last != 0x20 else { return false }
            guard bytes.lazy.filter({ $0 == 0x20 }).count <= 3 else { return false }
            return bytes.allSatisfy { b in
                isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x20 || b == 0x2E || b == 0x2D || b == 0x5F || b == 0x27 || b == 0x28 || b == 0x29 || b == 0x23
            }
        }
        guard let first = text.first, first.isLetter, text.count <= 40, text.last != " " else { return false }
        guard text.split(separator: " ").count <= 4 else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || " .-_'()#".contains($0) }
    }

    private static func isClockShaped(_ text: Substring) -> Bool {
        text.first?.isNumber == true && text.contains(":")
            && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ":" || $0 == "." || $0 == ",") }
    }
}
