/// What the Transcript screen shows when the analyst narrows it: utterances by speaker and by
/// participant group, highlights by code and by coder. The conditions combine (all must hold);
/// a condition left `nil` lets everything through.
///
/// An utterance is shown when its speaker and group match and, if a code or coder is named, at
/// least one matching coding covers it. A coding is shown when its code and coder match and it
/// covers at least one shown utterance.
public struct TranscriptFilter: Sendable, Hashable, Codable {
    /// Only utterances of this speaker (their id).
    public var speaker: String?
    /// Only utterances of speakers in this group (the speaker's `group`, else the document's).
    public var group: String?
    /// Only codings of this code (by its name after merges), and the utterances they cover.
    public var code: String?
    /// Only codings by this coder, and the utterances they cover.
    public var coder: String?

    /// Creates a filter; `nil` conditions match everything.
    public init(speaker: String? = nil, group: String? = nil, code: String? = nil, coder: String? = nil) {
        self.speaker = speaker
        self.group = group
        self.code = code
        self.coder = coder
    }

    /// Whether no condition is set.
    public var isEmpty: Bool { speaker == nil && group == nil && code == nil && coder == nil }

    /// One utterance as the filter sees it.
    public struct Line: Sendable, Hashable {
        /// The 1-based index.
        public var index: Int
        /// The speaker's id.
        public var speaker: String?
        /// The speaker's group.
        public var group: String?

        /// Creates a line.
        public init(index: Int, speaker: String?, group: String?) {
            self.index = index
            self.speaker = speaker
            self.group = group
        }
    }

    /// What a filter leaves of one document, with the choices the document offers.
    public struct Result: Sendable, Hashable, Codable {
        /// The filter applied.
        public var filter: TranscriptFilter
        /// The document's utterances.
        public var totalUtterances: Int
        /// The document's codings.
        public var totalCodings: Int
        /// The indexes of the utterances shown, ascending.
        public var utterances: [Int]
        /// The ids of the codings shown, ascending.
        public var codings: [Int64]
        /// The speakers, groups, codes and coders that occur in the document, each sorted.
        public var speakers: [String]
        /// See `speakers`.
        public var groups: [String]
        /// See `speakers`.
        public var codes: [String]
        /// See `speakers`.
        public var coders: [String]
    }

    /// Applies the filter to one document's utterances and codings.
    ///
    /// - Parameters:
    ///   - lines: The document's utterances.
    ///   - codings: The document's codings.
    /// - Returns: The utterances and codings shown, and the choices.
    /// - Complexity: O(*u* + *c* · *s*) for *u* utterances, *c* codings spanning *s* utterances each.
    public func apply(lines: [Line], codings: [DocumentCoding]) -> Result {
        let matching = codings.filter { (code == nil || $0.code == code) && (coder == nil || $0.coder == coder) }
        var covered = Set<Int>()
        if code != nil || coder != nil {
            for coding in matching {
                covered.formUnion(coding.fragment.startUtterance...max(coding.fragment.startUtterance, coding.fragment.endUtterance))
            }
        }
        let shown = lines.filter { line in
            (speaker == nil || line.speaker == speaker) && (group == nil || line.group == group)
                && (code == nil && coder == nil || covered.contains(line.index))
        }.map(\.index)
        let shownSet = Set(shown)
        let shownCodings = matching.filter { coding in
            (coding.fragment.startUtterance...max(coding.fragment.startUtterance, coding.fragment.endUtterance)).contains {
                shownSet.contains($0)
            }
        }.map(\.id)
        return Result(
            filter: self, totalUtterances: lines.count, totalCodings: codings.count, utterances: shown, codings: shownCodings.sorted(),
            speakers: Set(lines.compactMap(\.speaker)).sorted(), groups: Set(lines.compactMap(\.group)).sorted(),
            codes: Set(codings.map(\.code)).sorted(), coders: Set(codings.map(\.coder)).sorted())
    }
}
