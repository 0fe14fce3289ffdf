import Foundation

/// A line of plain text that may start a turn: `[00:12:34] P03: text`, `[P03] text`, `P03: text`.
///
/// Parsing only says what the line *could* be; whether its time is a time and its label a speaker
/// is decided for the whole file by `TurnStyle`, which weighs every line before it decides.
struct TurnLine {
    /// The time in seconds, when the line starts with one.
    var time: Double?
    /// Whether the time is in brackets (`[00:12:34]`), which makes it a time stamp in any file;
    /// a bare leading time (`1:57 …`) is a time only in a file whose turns start with times.
    var timeIsBracketed = false
    /// The speaker label, when the line has one.
    var label: String?
    /// Whether the label is in brackets (`[P03] …`) rather than followed by a colon.
    var labelIsBracketed = false
    /// The text after the label.
    var text: Substring
    /// The line from its first non-space character on: its text when the time is not a time.
    var fromTime: Substring?
    /// The line from the label on: its text when the label is not a speaker.
    var fromLabel: Substring?

    /// The text this line contributes when its label is read as text: the label and all after it.
    var textWithoutSpeaker: Substring { fromLabel ?? text }

    /// Recognises the built-in turn notations.
    ///
    /// - Parameters:
    ///   - line: One line, without its line break.
    ///   - location: Where the line is, for errors.
    /// - Returns: The possible turn start, or `nil` when the line is ordinary text.
    /// - Throws: `IngestError.invalidTime` for a bracketed time that is not a time, such as `[00:75:10]`.
    static func parse(_ line: Substring, location: SourceLocation) throws(IngestError) -> TurnLine? {
        let start = line.droppingLeadingSpaces
        var rest = start
        var time: Double?
        var bracketed = false
        var labelStart: Substring?
        if rest.startsWith(ascii: 0x5B), let close = rest.firstIndex(ofASCII: 0x5D) {
            let inner = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...].droppingLeadingSpaces
            let clock = trimmedClock(inner)
            if isClockShaped(clock) {
                guard let seconds = TimeCode.seconds(clock) else {
                    let column = line.distance(from: line.startIndex, to: rest.startIndex) + 1
                    throw .invalidTime(SourceLocation(file: location.file, line: location.line, column: column), value: String(inner))
                }
                time = seconds
                bracketed = true
                rest = after
            } else if isLabel(inner) {
                return TurnLine(label: String(inner), labelIsBracketed: true, text: after, fromTime: start, fromLabel: start)
            }
        } else if rest.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true, let space = rest.firstSpaceIndex,
            TimeCode.looksLikeClock(rest[..<space])
        {
            time = TimeCode.seconds(rest[..<space])
            rest = rest[space...].droppingLeadingSpaces
        } else if let numbered = droppingLineNumber(rest) {
            // `12 | PMA: …`, `12. PMA: …`: a numbered transcript line. Read as text, the number stays.
            rest = numbered
            labelStart = start
        }
        if rest.startsWith(ascii: 0x5B), let close = rest.firstIndex(ofASCII: 0x5D) {
            let inner = rest[rest.index(after: rest.startIndex)..<close]
            if isLabel(inner) {
                let after = rest[rest.index(after: close)...].droppingLeadingSpaces
                return TurnLine(
                    time: time, timeIsBracketed: bracketed, label: String(inner), labelIsBracketed: true, text: after,
                    fromTime: start, fromLabel: labelStart ?? rest)
            }
        }
        // A label is at most 40 characters, so only look for its colon near the start.
        if let colon = rest.utf8.prefix(160).firstIndex(of: 0x3A) {
            let candidate = rest[..<colon]
            let afterColon = rest[rest.index(after: colon)...]
            let next = afterColon.utf8.first
            if next == nil || next == 0x20 || next == 0x09, isLabel(candidate) {
                return TurnLine(
                    time: time, timeIsBracketed: bracketed, label: String(candidate), text: afterColon.droppingLeadingSpaces,
                    fromTime: start, fromLabel: labelStart ?? rest)
            }
        }
        if time != nil { return TurnLine(time: time, timeIsBracketed: bracketed, text: rest, fromTime: start) }
        return nil
    }

    /// `text` after a line number of up to five digits and a separator (`12 | `, `12| `, `12. `,
    /// `12) `, `12 `), or `nil` when it does not start with one.
    private static func droppingLineNumber(_ text: Substring) -> Substring? {
        let bytes = text.utf8
        var index = bytes.startIndex
        var digits = 0
        while index < bytes.endIndex, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
            digits += 1
            index = bytes.index(after: index)
        }
        guard (1...5).contains(digits) else { return nil }
        var spaced = false
        while index < bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 {
            spaced = true
            index = bytes.index(after: index)
        }
        if index < bytes.endIndex, [0x7C, 0x2E, 0x29].contains(bytes[index]) {
            index = bytes.index(after: index)
            spaced = false
            while index < bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 {
                spaced = true
                index = bytes.index(after: index)
            }
        }
        guard spaced, index < bytes.endIndex else { return nil }
        return text[index...]
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
                isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x20 || b == 0x2E || b == 0x2D || b == 0x5F || b == 0x27 || b == 0x28
                    || b == 0x29 || b == 0x23
            }
        }
        guard let first = text.first, first.isLetter, text.count <= 40, text.last != " " else { return false }
        guard text.split(separator: " ").count <= 4 else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || " .-_'()#".contains($0) }
    }

    /// Whether `text` is shaped like a clock time (`12:34`, `00:12:34,5`), valid or not.
    static func isClockShaped(_ text: Substring) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, first >= 0x30 && first <= 0x39 else { return false }
        var colon = false
        for byte in bytes {
            switch byte {
            case 0x30...0x39, 0x2E, 0x2C: continue
            case 0x3A: colon = true
            default: return false
            }
        }
        return colon
    }

    /// The inside of brackets without the spaces around it. Unicode spaces (a no-break space
    /// before a time) are trimmed too; they are rare, so ASCII text is trimmed on bytes.
    private static func trimmedClock(_ inner: Substring) -> Substring {
        if inner.utf8.allSatisfy({ $0 < 0x80 }) { return inner.trimmedSpaces }
        return inner.trimmingCharacters(in: .whitespaces)[...]
    }
}
