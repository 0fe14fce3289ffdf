/// The coded project in memory, as every analysis (round status, reports, summaries) reads it.
///
/// One store function builds it (`ProjectStore.codedCorpus`); the analyses only compute on it, so
/// the command line, reports and workbench all get the same numbers.
public struct CodedCorpus: Sendable {
    /// A (document, utterance index) pair.
    public struct UtteranceKey: Sendable, Hashable, Comparable {
        /// The document id.
        public var document: String
        /// The 1-based index.
        public var index: Int

        /// Creates a key.
        public init(document: String, index: Int) {
            self.document = document
            self.index = index
        }

        /// Document order.
        public static func < (a: UtteranceKey, b: UtteranceKey) -> Bool { (a.document, a.index) < (b.document, b.index) }
    }

    /// What the analyses need to know about one utterance.
    public struct UtteranceInfo: Sendable, Hashable {
        /// The speaker id, if known.
        public var speaker: String?
        /// Whether the speaker is a moderator or observer (left out of counts by default).
        public var isModerator: Bool
        /// The comparison value (`--by` attribute) of this utterance, if any.
        public var group: String?
        /// Words by the project tokenizer.
        public var words: Int
        /// Length in Unicode scalars.
        public var length: Int
        /// The text: present for utterances with partial fragments (to find covered words) and when quotes are asked.
        public var text: String?
    }

    /// Totals of one group over all its talk.
    public struct GroupTotals: Sendable, Hashable {
        /// Documents with talk of this group.
        public var documents: Int
        /// Participants who spoke at least once.
        public var participants: Set<String>
        /// Utterances.
        public var utterances: Int
        /// Words.
        public var words: Int
    }

    /// One coding, with its code resolved through consolidation.
    public struct CodedSpan: Sendable, Hashable {
        /// The fragment.
        public var fragment: Fragment
        /// The active (or retired) code that holds it after merges.
        public var codeID: Int64
        /// The round.
        public var round: Int
        /// The coder.
        public var coder: String
    }

    /// One time-span coding, with its code resolved through consolidation and the groups it counts for.
    public struct CodedTimeSpan: Sendable, Hashable {
        /// The span of the recording.
        public var span: TimeSpan
        /// The active (or retired) code that holds it after merges.
        public var codeID: Int64
        /// The round.
        public var round: Int
        /// The coder.
        public var coder: String
        /// The groups it counts for: those of the counted speakers whose utterances overlap it in
        /// time, or, when none does, the document's group; empty when it has neither.
        public var groups: Set<String>

        /// Creates a time-span coding as analyses see it.
        public init(span: TimeSpan, codeID: Int64, round: Int, coder: String, groups: Set<String>) {
            self.span = span
            self.codeID = codeID
            self.round = round
            self.coder = coder
            self.groups = groups
        }
    }

    /// A theme as loaded from a codebook.
    public struct ThemeInfo: Sendable, Hashable {
        /// The theme id.
        public var id: String
        /// The label.
        public var label: String
        /// The description.
        public var description: String
        /// Sensitising terms.
        public var terms: [String]
        /// Linked research questions.
        public var questions: [String]
    }

    /// The attribute groups are compared by.
    public var attribute: String
    /// Whether moderators' talk is counted.
    public private(set) var includesModerators: Bool
    /// Utterances that codings touch (all of them when the corpus was loaded with `includeAllUtterances`).
    public private(set) var utterances: Utterances
    /// Totals per group, over all utterances of counted speakers.
    public var groups: [String: GroupTotals]
    /// Per group and participant: the words they spoke (for silences and coverage).
    public var participantWords: [String: [String: Int]]
    /// Every coding.
    public private(set) var codings: [CodedSpan]
    /// Every code by id.
    public var codes: [Int64: Code]
    /// Themes in codebook order.
    public var themes: [ThemeInfo]
    /// Theme ids per code id.
    public var codeThemes: [Int64: Set<String>]
    /// Theme × group memos: `[theme: [group: text]]`.
    public var themeSummaries: [String: [String: String]]
    /// Fragments selected for interpretation, with their notes.
    public var selected: [Fragment: String]
    /// The highest started round.
    public var currentRound: Int
    /// Research questions by id.
    public var researchQuestions: [(id: String, text: String)]
    /// Every document id, in the order the documents were ingested.
    public var documents: [String]
    /// Every time-span coding (stretches of recordings coded without words).
    public var timeSpans: [CodedTimeSpan] = []
    /// The distinct fragments of `codings`, numbered (built with them when the corpus is loaded).
    let codingFragments: CodingFragments

    /// Group names in a stable order (by name).
    public var groupNames: [String] { groups.keys.sorted() }
}
