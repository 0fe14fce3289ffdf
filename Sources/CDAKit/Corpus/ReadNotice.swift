/// Something a reader decided on its own while reading a file, told to the user.
///
/// Readers never guess silently: when they read a label-like line as text, fall back to another
/// encoding or treat a leading time as words, they say so with a notice. Notices name the file and
/// line and quote at most a label, never a whole line of the transcript.
public struct ReadNotice: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of decision the notice reports.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A line that looks like `Label: …` was read as text, not as a speaker's turn.
        case labelReadAsText = "label-read-as-text"
        /// The file was not valid in the expected encoding and was read in another one.
        case encodingGuessed = "encoding-guessed"
        /// A time at the start of a line was read as words, since the file's turns carry no times.
        case timeReadAsText = "time-read-as-text"
        /// Two labels were read as one speaker (a short and a long form of one name).
        case labelsJoined = "labels-joined"
        /// A non-speech cue or line (applause, an interruption) was kept as an event, not as words.
        case event
        /// A coding sheet's row whose place no longer held its text was moved to where the text is now.
        case reanchored = "re-anchored"
        /// Anything else a reader wants the user to know about how it read the file.
        case other
    }

    /// What kind of decision this is.
    public var kind: Kind
    /// Where it was made.
    public var location: SourceLocation
    /// What was decided and how to choose otherwise, in words a researcher understands.
    public var message: String

    /// Creates a notice.
    public init(_ kind: Kind, at location: SourceLocation, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// `FILE:LINE: message`.
    public var description: String { "\(location): \(message)" }
}
