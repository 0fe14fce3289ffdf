/// How far coding has come in each round, per group, and what round 2 changed.
public struct RoundStatus: Sendable, Hashable, Codable {
    /// Figures for one round.
    public struct RoundFigures: Sendable, Hashable, Codable {
        /// The round.
        public var round: Int
        /// Distinct codes used (after consolidation).
        public var codes: Int
        /// Codings.
        public var codings: Int
        /// Distinct fragments.
        public var fragments: Int
        /// Participant words covered by the round's fragments.
        public var codedWords: Int
        /// `codedWords` / all participant words.
        public var coverage: Double
        /// Per group: coded words and coverage.
        public var groups: [GroupFigures]
    }

    /// Coverage of one group in one round.
    public struct GroupFigures: Sendable, Hashable, Codable {
        /// The group.
        public var group: String
        /// Participant words of the group.
        public var words: Int
        /// Of those, coded in the round.
        public var codedWords: Int
        /// `codedWords` / `words`.
        public var coverage: Double
    }

    /// The highest started round.
    public var currentRound: Int
    /// Themes that round 2 deepens.
    public var roundTwoThemes: [String]
    /// One entry per round that has codings or has started.
    public var rounds: [RoundFigures]
    /// Codes created in round 2.
    public var codesAddedInRoundTwo: [String]
    /// Round-2 fragments that overlap a round-1 fragment (recoded).
    public var recodedFragments: Int
    /// Round-2 fragments that overlap no round-1 fragment (new).
    public var newFragments: Int

    /// Computes the status from a coded corpus (moderators excluded as the corpus says).
    ///
    /// - Complexity: O(*c* + *w*) for *c* codings and *w* words of partially coded utterances.
    public init(corpus: CodedCorpus, roundTwoThemes: [String]) {
        currentRound = corpus.currentRound
        self.roundTwoThemes = roundTwoThemes
        let counted = { (key: CodedCorpus.UtteranceKey) -> Bool in
            guard let info = corpus.utterances[key] else { return false }
            return corpus.includesModerators || !info.isModerator
        }
        var rounds: [RoundFigures] = []
        for round in 1...max(1, corpus.currentRound) {
            let spans = corpus.codings.filter { $0.round == round }
            let fragments = Set(spans.map(\.fragment))
            let covered = Coverage.coveredWords(by: fragments, in: corpus).filter { counted($0.key) }
            var perGroup: [String: Int] = [:]
            for (key, words) in covered {
                if let group = corpus.utterances[key]?.group { perGroup[group, default: 0] += words }
            }
            let groups = corpus.groupNames.map { name in
                let words = corpus.groups[name]?.words ?? 0
                let coded = perGroup[name] ?? 0
                return GroupFigures(group: name, words: words, codedWords: coded, coverage: words == 0 ? 0 : Double(coded) / Double(words))
            }
            let totalWords = groups.reduce(0) { $0 + $1.words }
            let coded = covered.values.reduce(0, +)
            rounds.append(
                RoundFigures(
                    round: round, codes: Set(spans.map(\.codeID)).count, codings: spans.count, fragments: fragments.count,
                    codedWords: coded, coverage: totalWords == 0 ? 0 : Double(coded) / Double(totalWords), groups: groups))
        }
        self.rounds = rounds
        codesAddedInRoundTwo = corpus.codes.values.filter { $0.round == 2 }.map(\.name).sorted()
        let first = Dictionary(grouping: Set(corpus.codings.filter { $0.round == 1 }.map(\.fragment)), by: \.documentID)
        let second = Set(corpus.codings.filter { $0.round == 2 }.map(\.fragment))
        var recoded = 0
        for fragment in second where first[fragment.documentID]?.contains(where: { Self.overlaps($0, fragment) }) == true { recoded += 1 }
        recodedFragments = recoded
        newFragments = second.count - recoded
    }

    /// Whether two fragments share at least one scalar position.
    static func overlaps(_ a: Fragment, _ b: Fragment) -> Bool {
        guard a.documentID == b.documentID else { return false }
        let aStart = (a.startUtterance, a.startOffset ?? 0)
        let aEnd = (a.endUtterance, a.endOffset ?? Int.max)
        let bStart = (b.startUtterance, b.startOffset ?? 0)
        let bEnd = (b.endUtterance, b.endOffset ?? Int.max)
        return aStart < bEnd && bStart < aEnd
    }
}
