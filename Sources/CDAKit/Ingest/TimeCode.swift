import Foundation

/// Reads the time notations found in transcripts and captions.
enum TimeCode {
    /// Parses `HH:MM:SS`, `MM:SS` or plain seconds, each with optional `.fff` or `,fff` fractions.
    ///
    /// - Returns: Seconds from the start of the recording, or `nil` when `text` is not a time
    ///   (including minutes or seconds of 60 and more below an hour or minute part).
    static func seconds(_ text: some StringProtocol) -> Double? {
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

    /// Whether `text` looks like a clock time (`12:34`, `00:12:34.5`), as opposed to a label.
    static func looksLikeClock(_ text: some StringProtocol) -> Bool {
        text.contains(":") && text.first?.isNumber == true && seconds(text) != nil
    }
}
