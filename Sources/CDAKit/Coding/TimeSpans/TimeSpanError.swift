/// Why a time-span coding was refused. Nothing was changed.
public enum TimeSpanError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A time that is not `SS(.mmm)`, `MM:SS(.mmm)` or `HH:MM:SS(.mmm)`; `field` names where it came from.
    case invalidTime(String, field: String)
    /// A time before the recording's start.
    case negativeTime(field: String, milliseconds: Int)
    /// The span does not end after it starts.
    case emptySpan(TimeSpan)
    /// The span runs past the end of the recording.
    case beyondRecording(TimeSpan, durationMilliseconds: Int)
    /// The document has no linked recording, so it has no time to code.
    case noRecording(documentID: String)
    /// No time-span coding has this id.
    case noSuchTimeSpanCoding(String)

    /// A message quoting the input and suggesting a fix.
    public var description: String {
        switch self {
        case .invalidTime(let text, let field):
            return
                "\(field) '\(text)' is not a time; write seconds (75.5), minutes and seconds (01:15.5) or hours, minutes and seconds (00:01:15.500), with at most three decimals."
        case .negativeTime(let field, let milliseconds):
            return "\(field) \(TimeSpan.secondsText(milliseconds)) s lies before the start of the recording; times count from 0."
        case .emptySpan(let span):
            return "The time span \(span) is empty: its end must come after its start."
        case .beyondRecording(let span, let duration):
            return
                "The time span \(span) runs past the end of the recording, which lasts \(TimeSpan.clock(duration)) (\(TimeSpan.secondsText(duration)) s)."
        case .noRecording(let documentID):
            return
                "Document '\(documentID)' has no linked recording, so a time span cannot be coded on it. Link one with 'cda media add \(documentID) FILE'."
        case .noSuchTimeSpanCoding(let what):
            return "No time-span coding matches \(what). List them with 'cda codings --doc DOC'."
        }
    }
}
