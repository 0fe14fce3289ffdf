import Foundation

/// Reads the time notations found in transcripts and captions.
enum TimeCode {
    /// Parses `HH:MM:SS`, `MM:SS` or plain seconds, each with optional `.fff` or `,fff` fractions;
    /// spaces around the time (`" 233.727"`, as real Transcriber files have) are ignored.
    ///
    /// - Returns: Seconds from the start of the recording, or `nil` when `text` is not a time
    ///   (including minutes or seconds of 60 and more below an hour or minute part).
    static func seconds(_ text: some StringProtocol) -> Double? {
        if let fast = asciiSeconds(text.utf8) { return fast }
        if text.first?.isWhitespace == true || text.last?.isWhitespace == true {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : seconds(trimmed)
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var total = 0.0
        for (position, part) in parts.enumerated() {
            let isLast = position == parts.count - 1
            let normalized = isLast ? part.replacingOccurrences(of: ",", with: ".") : String(part)
            guard !normalized.isEmpty, normalized.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                normalized.first != ".", let value = Double(normalized)
            else { return nil }
            if !isLast && normalized.contains(".") { return nil }
            if position > 0 && value >= 60 { return nil }
            total = total * 60 + value
        }
        return total
    }

    /// Parses the common `HH:MM:SS[.fff]` / `MM:SS` / `SS` forms straight from ASCII bytes;
    /// `nil` sends anything else (or anything invalid) to the general parser, which decides.
    private static func asciiSeconds(_ bytes: some Collection<UInt8>) -> Double? {
        var parts: [Int] = []
        var current = 0
        var digits = 0
        var fraction = 0.0
        var scale = 0.1
        var inFraction = false
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                if inFraction {
                    fraction += Double(byte - 0x30) * scale
                    scale /= 10
                } else {
                    current = current * 10 + Int(byte - 0x30)
                    digits += 1
                    if digits > 6 { return nil }
                }
            case 0x3A:
                guard digits > 0, !inFraction else { return nil }
                parts.append(current)
                current = 0
                digits = 0
            case 0x2E, 0x2C:
                guard digits > 0, !inFraction else { return nil }
                inFraction = true
            default:
                return nil
            }
        }
        guard digits > 0, parts.count <= 2 else { return nil }
        parts.append(current)
        var total = 0.0
        for (position, value) in parts.enumerated() {
            if position > 0 && value >= 60 { return nil }
            total = total * 60 + Double(value)
        }
        return total + fraction
    }

    /// Whether `text` looks like a clock time (`12:34`, `00:12:34.5`), as opposed to a label.
    static func looksLikeClock(_ text: some StringProtocol) -> Bool {
        text.contains(":") && text.first?.isNumber == true && seconds(text) != nil
    }
}
