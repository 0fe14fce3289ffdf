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

/// What `cda code add` codes: utterances of a document (`--utterance` …) or a time span of its
/// recording (`--from-time`, `--to-time`). Checked while parsing, before the other options.
struct CodingTarget: ParsableArguments {
    @OptionGroup var place: FragmentPlace
    @OptionGroup var times: TimeSpanOptions

    func validate() throws {
        if place.document == nil { throw ValidationError("Missing expected argument '--doc <doc>'") }
        if times.isGiven {
            if place.utterance != nil || place.toUtterance != nil || place.start != nil {
                throw ValidationError("Code either utterances (--utterance) or a time span (--from-time, --to-time), not both.")
            }
        } else if place.utterance == nil {
            throw ValidationError("Missing expected argument '--utterance <utterance>' (or --from-time and --to-time for a time span)")
        }
    }
}
