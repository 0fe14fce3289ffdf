import ArgumentParser
import CDAKit

/// The flags that name a stretch of a document's recording: `--from-time` and `--to-time`.
struct TimeSpanOptions: ParsableArguments {
    @Option(
        name: .customLong("from-time"),
        help: "Where a time span starts in the recording: SS(.mmm), MM:SS(.mmm) or HH:MM:SS(.mmm).")
    var fromTime: String?

    @Option(name: .customLong("to-time"), help: "Where the time span ends (same forms as --from-time).")
    var toTime: String?

    /// Whether either flag was given.
    var isGiven: Bool { fromTime != nil || toTime != nil }

    func validate() throws {
        if (fromTime == nil) != (toTime == nil) { throw ValidationError("Give both --from-time and --to-time, or neither.") }
        if let fromTime, TimeSpan.parseMilliseconds(fromTime) == nil {
            throw ValidationError(TimeSpanError.invalidTime(fromTime, field: "--from-time").description)
        }
        if let toTime, TimeSpan.parseMilliseconds(toTime) == nil {
            throw ValidationError(TimeSpanError.invalidTime(toTime, field: "--to-time").description)
        }
    }

    /// The span on `document`, when both flags were given (`validate()` checked them).
    func span(document: String) -> TimeSpan? {
        guard let fromTime, let toTime, let start = TimeSpan.parseMilliseconds(fromTime), let end = TimeSpan.parseMilliseconds(toTime)
        else { return nil }
        return TimeSpan(documentID: document, startMilliseconds: start, endMilliseconds: end)
    }
}
