/// One utterance as the text analyses read it.
public struct UtteranceRecord: Sendable, Hashable {
    /// The document id.
    public var document: String
    /// The 1-based index.
    public var index: Int
    /// The speaker id, if known.
    public var speaker: String?
    /// Whether the speaker is a moderator or observer.
    public var isModerator: Bool
    /// The value of the grouping attribute (speaker's own, else the document's).
    public var group: String?
    /// The text.
    public var text: String

    /// Creates a record.
    public init(document: String, index: Int, speaker: String?, isModerator: Bool, group: String?, text: String) {
        self.document = document
        self.index = index
        self.speaker = speaker
        self.isModerator = isModerator
        self.group = group
        self.text = text
    }
}
