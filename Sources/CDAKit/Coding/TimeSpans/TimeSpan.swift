import Foundation

/// A stretch of a document's recording, in whole milliseconds from the recording's start.
///
/// A time span is the fragment of a coding that has no words: laughter, a long silence, a gesture,
/// people talking over each other. Times are recording time (what a player shows), not transcript
/// time; a link's offset lies between them.
public struct TimeSpan: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The document whose recording it is.
    public var documentID: String
    /// Where the span starts, in milliseconds from the recording's start.
    public var startMilliseconds: Int
    /// Where it ends (exclusive), in milliseconds.
    public var endMilliseconds: Int

    /// Creates a span.
    public init(documentID: String, startMilliseconds: Int, endMilliseconds: Int) {
        self.documentID = documentID
        self.startMilliseconds = startMilliseconds
        self.endMilliseconds = endMilliseconds
    }

    /// Creates a span from seconds, rounded to the millisecond.
    public init(documentID: String, start: Double, end: Double) {
        self.init(
            documentID: documentID, startMilliseconds: TimeSpan.milliseconds(start), endMilliseconds: TimeSpan.milliseconds(end))
    }

    /// The start in seconds.
    public var start: Double { Double(startMilliseconds) / 1000 }
    /// The end in seconds.
    public var end: Double { Double(endMilliseconds) / 1000 }
    /// The length in milliseconds.
    public var lengthMilliseconds: Int { endMilliseconds - startMilliseconds }

    /// `doc@MM:SS.mmm–MM:SS.mmm`.
    public var description: String {
        "\(documentID)@\(TimeSpan.clock(startMilliseconds))–\(TimeSpan.clock(endMilliseconds))"
    }

    /// Document order, then start, then end.
    public static func < (a: TimeSpan, b: TimeSpan) -> Bool {
        (a.documentID, a.startMilliseconds, a.endMilliseconds) < (b.documentID, b.startMilliseconds, b.endMilliseconds)
    }

    /// Seconds rounded to whole milliseconds (half away from zero).
    public static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite else { return seconds < 0 ? Int.min / 2 : Int.max / 2 }
        let value = (seconds * 1000).rounded()
        return value >= Double(Int.max / 2) ? Int.max / 2 : value <= Double(Int.min / 2) ? Int.min / 2 : Int(value)
    }

    /// `H:MM:SS.mmm` from one hour on, else `MM:SS.mmm`.
    public static func clock(_ milliseconds: Int) -> String {
        let sign = milliseconds < 0 ? "-" : ""
        let total = abs(milliseconds)
        let (seconds, fraction) = total.quotientAndRemainder(dividingBy: 1000)
        let (minutes, second) = seconds.quotientAndRemainder(dividingBy: 60)
        let (hours, minute) = minutes.quotientAndRemainder(dividingBy: 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let milli = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return hours > 0
            ? "\(sign)\(hours):\(two(minute)):\(two(second)).\(milli)" : "\(sign)\(two(minutes)):\(two(second)).\(milli)"
    }

    /// Seconds with a "." decimal and no trailing zeros (`12.5`, `3`, `0.125`), as sheets write them.
    public static func secondsText(_ milliseconds: Int) -> String {
        let sign = milliseconds < 0 ? "-" : ""
        let (seconds, fraction) = abs(milliseconds).quotientAndRemainder(dividingBy: 1000)
        guard fraction > 0 else { return "\(sign)\(seconds)" }
        var digits = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(seconds).\(digits)"
    }

    /// Reads a time as `SS(.mmm)`, `MM:SS(.mmm)` or `HH:MM:SS(.mmm)` into milliseconds.
    ///
    /// - Returns: `nil` when `text` is not such a time, or has more than three decimals.
    public static func parseMilliseconds(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains(","),
            trimmed.split(separator: ".", omittingEmptySubsequences: false).last.map({ piece in
                !trimmed.contains(".") || (1...3).contains(piece.count)
            }) == true,
            let seconds = TimeCode.seconds(trimmed)
        else { return nil }
        return milliseconds(seconds)
    }
}
