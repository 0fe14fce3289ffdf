/// How much one code is used, split by group and by round, after consolidation.
public struct CodeFigures: Sendable, Hashable, Codable {
    /// Fragments of one group.
    public struct GroupCount: Sendable, Hashable, Codable {
        /// The group (the fragment's first utterance: speaker's group, else the document's).
        public var group: String
        /// Distinct fragments.
        public var fragments: Int
    }

    /// Fragments of one round.
    public struct RoundCount: Sendable, Hashable, Codable {
        /// The round.
        public var round: Int
        /// Distinct fragments.
        public var fragments: Int
    }

    /// The code's id (an active or retired code; merged codes count for their target).
    public var codeID: Int64
    /// The code's name.
    public var code: String
    /// Per group, by group name; groups without fragments are left out.
    public var groups: [GroupCount]
    /// Per round, by round; rounds without fragments are left out.
    public var rounds: [RoundCount]

    /// The figures of every code that holds codings, by code id.
    ///
    /// Fragments without a group (no `group` attribute on speaker or document) count in no group.
    ///
    /// - Parameter corpus: The coded corpus (load it with moderators included to count all codings).
    /// - Complexity: O(*c*) for *c* codings.
    public static func compute(from corpus: CodedCorpus) -> [Int64: CodeFigures] {
        var byGroup: [Int64: [String: Set<Fragment>]] = [:]
        var byRound: [Int64: [Int: Set<Fragment>]] = [:]
        for span in corpus.codings {
            let key = CodedCorpus.UtteranceKey(document: span.fragment.documentID, index: span.fragment.startUtterance)
            if let group = corpus.utterances[key]?.group {
                byGroup[span.codeID, default: [:]][group, default: []].insert(span.fragment)
            }
            byRound[span.codeID, default: [:]][span.round, default: []].insert(span.fragment)
        }
        var result: [Int64: CodeFigures] = [:]
        for id in Set(byGroup.keys).union(byRound.keys) {
            result[id] = CodeFigures(
                codeID: id, code: corpus.codes[id]?.name ?? "?",
                groups: (byGroup[id] ?? [:]).map { GroupCount(group: $0.key, fragments: $0.value.count) }.sorted { $0.group < $1.group },
                rounds: (byRound[id] ?? [:]).map { RoundCount(round: $0.key, fragments: $0.value.count) }.sorted { $0.round < $1.round })
        }
        return result
    }
}
