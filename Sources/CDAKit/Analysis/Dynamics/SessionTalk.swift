/// One document's talk as the conversation dynamics read it: every turn in order, who the
/// document declares, and the group each of them counts for there.
public struct SessionTalk: Sendable, Hashable {
    /// One utterance.
    public struct Turn: Sendable, Hashable {
        /// The 1-based index in the document.
        public var index: Int
        /// The speaker id, or `nil` when the transcript does not say who spoke.
        public var speaker: String?
        /// Start, in seconds from the start of the recording.
        public var start: Double?
        /// End, in seconds from the start of the recording.
        public var end: Double?
        /// Words by the project tokenizer.
        public var words: Int
        /// The text, for moderators' turns only (to look for sensitising terms); `nil` otherwise.
        public var text: String?

        /// Creates a turn.
        public init(index: Int, speaker: String?, start: Double? = nil, end: Double? = nil, words: Int, text: String? = nil) {
            self.index = index
            self.speaker = speaker
            self.start = start
            self.end = end
            self.words = words
            self.text = text
        }
    }

    /// The document id.
    public var document: String
    /// The turns in index order.
    public var turns: [Turn]
    /// Per speaker the document declares or who speaks in it: the group (value of the comparison
    /// attribute, the speaker's own before the document's) they count for here. Speakers without
    /// a value are absent.
    public var groups: [String: String]

    /// Creates a session.
    public init(document: String, turns: [Turn], groups: [String: String]) {
        self.document = document
        self.turns = turns
        self.groups = groups
    }

    /// The seconds turn `position` lasts: until its end time, else until the next turn's start;
    /// `nil` when it has no start; 0 for a last turn without an end (or times running backwards).
    func seconds(at position: Int) -> Double? {
        guard let start = turns[position].start else { return nil }
        if let end = turns[position].end { return max(0, end - start) }
        guard position + 1 < turns.count, let next = turns[position + 1].start else { return 0 }
        return max(0, next - start)
    }
}
