/// One turn of talk: what one speaker said without interruption.
///
/// Positions inside `text` are Unicode scalar (code point) offsets, zero-based
/// and end-exclusive, everywhere in `cda`: `"één"` has three positions.
public struct Utterance: Sendable, Hashable, Codable {
    /// The 1-based position of the utterance in its document.
    public var index: Int
    /// The speaker's id, or `nil` when the transcript does not say who spoke.
    public var speakerID: String?
    /// When the turn starts, in seconds from the start of the recording.
    public var start: Double?
    /// When the turn ends, in seconds from the start of the recording.
    public var end: Double?
    /// The part of the session, such as `plenary` or `subgroup B`.
    public var section: String?
    /// What was said, exactly as the transcript has it.
    public var text: String
    /// Where the text came from in the source, such as TEI `seg` ids, when the format has them.
    public var sourceReference: String?

    /// Creates an utterance.
    public init(
        index: Int, speakerID: String?, start: Double? = nil, end: Double? = nil,
        section: String? = nil, text: String, sourceReference: String? = nil
    ) {
        self.index = index
        self.speakerID = speakerID
        self.start = start
        self.end = end
        self.section = section
        self.text = text
        self.sourceReference = sourceReference
    }

    /// The number of Unicode scalars in `text`: the end bound of every offset inside it.
    public var length: Int { text.unicodeScalars.count }
}
