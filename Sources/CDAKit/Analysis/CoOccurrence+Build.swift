extension CoOccurrence {
    /// Computes which items occur together on the chosen unit, per pair with the Jaccard coefficient.
    ///
    /// See `definitionText` for the units. Counts never depend on which other items are listed:
    /// a pair's fragment units are built from the spans of its two items only.
    ///
    /// - Parameters:
    ///   - corpus: The coded corpus, loaded with the moderator choice of `options`.
    ///   - options: Items, unit and round.
    /// - Returns: The items and every pair of them once.
    /// - Throws: `CodingError.invalidRound`; `CodingError.unknownCode` (with the closest name) or
    ///   `.inactiveCode` for a listed code that is not active.
    /// - Complexity: O(*p* · *s* log *s*) for *p* pairs and at most *s* spans per pair (fragment unit);
    ///   O(*p* · *u*) for at most *u* utterances per item (utterance unit).
    public static func build(corpus: CodedCorpus, options: CoOccurrenceOptions) throws(CodingError) -> CoOccurrence {
        let round = try options.round.resolved(currentRound: corpus.currentRound)
        let codesOnFragment = corpus.activeCodes(onFragmentsOf: round)
        let items: [CodedCorpus.Line]
        if options.items == .codes, !options.codes.isEmpty {
            var ids: [Int64] = []
            for name in options.codes {
                let id = try Self.activeCode(name, in: corpus)
                if !ids.contains(id) { ids.append(id) }
            }
            items = ids.map { CodedCorpus.Line(id: corpus.codes[$0]?.name ?? "?", label: corpus.codes[$0]?.name ?? "?", codes: [$0]) }
        } else {
            items = corpus.lines(options.items == .codes ? .codes : .themes, codes: Set(codesOnFragment.values.flatMap { $0 }))
        }

        // Per item, the indices of its fragments (distinct spans) in `fragments`.
        let fragments = codesOnFragment.keys.sorted()
        let pieces = fragments.map { corpus.countedPieces(of: $0) }
        let spans: [[Int]] = items.map { item in
            fragments.indices.filter { !item.codes.isDisjoint(with: codesOnFragment[fragments[$0]] ?? []) && !pieces[$0].isEmpty }
        }
        var result: [Item] = []
        var pairs: [Pair] = []
        switch options.unit {
        case .utterance:
            let utterances: [Set<CodedCorpus.UtteranceKey>] = spans.map { Set($0.flatMap { pieces[$0].map(\.key) }) }
            result = zip(items, utterances).map { Item(id: $0.id, label: $0.label, units: $1.count) }
            for a in items.indices {
                for b in items.indices where b > a {
                    pairs.append(
                        Pair(
                            first: items[a].id, second: items[b].id, together: utterances[a].intersection(utterances[b]).count,
                            either: utterances[a].union(utterances[b]).count))
                }
            }
        case .fragment:
            result = zip(items, spans).map { item, own in
                Item(id: item.id, label: item.label, units: Self.units(of: own, first: Set(own), pieces: pieces).either)
            }
            let sets = spans.map(Set.init)
            for a in items.indices {
                for b in items.indices where b > a {
                    let joined = sets[a].union(sets[b]).sorted()
                    let counts = Self.units(of: joined, first: sets[a], second: sets[b], pieces: pieces)
                    pairs.append(Pair(first: items[a].id, second: items[b].id, together: counts.together, either: counts.either))
                }
            }
        }
        return CoOccurrence(
            round: round, itemKind: options.items, unit: options.unit, includesModerators: corpus.includesModerators, items: result,
            pairs: pairs)
    }

    /// Joins spans sharing a code point of an utterance into units (transitively) and counts the
    /// units with a span of `first` and one of `second`, and all units.
    ///
    /// - Parameters:
    ///   - spans: Indices into `pieces`, each a span with counted talk.
    ///   - first: The spans of the first item.
    ///   - second: The spans of the second item (none: `together` is 0).
    static func units(of spans: [Int], first: Set<Int>, second: Set<Int> = [], pieces: [[CodedCorpus.Piece]]) -> (
        together: Int, either: Int
    ) {
        var parent = Dictionary(uniqueKeysWithValues: spans.map { ($0, $0) })
        func root(_ span: Int) -> Int {
            var current = span
            while let next = parent[current], next != current { current = next }
            var walk = span
            while let next = parent[walk], next != current {
                parent[walk] = current
                walk = next
            }
            return current
        }
        var byUtterance: [CodedCorpus.UtteranceKey: [(range: Range<Int>, span: Int)]] = [:]
        for span in spans {
            for piece in pieces[span] { byUtterance[piece.key, default: []].append((piece.range, span)) }
        }
        for entries in byUtterance.values {
            var end = Int.min
            var holder: Int?
            for entry in entries.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                if let current = holder, entry.range.lowerBound < end {
                    parent[root(entry.span)] = root(current)
                    end = max(end, entry.range.upperBound)
                } else {
                    holder = entry.span
                    end = entry.range.upperBound
                }
            }
        }
        var units: [Int: (first: Bool, second: Bool)] = [:]
        for span in spans {
            let unit = root(span)
            var marks = units[unit] ?? (false, false)
            marks.first = marks.first || first.contains(span)
            marks.second = marks.second || second.contains(span)
            units[unit] = marks
        }
        return (units.values.filter { $0.first && $0.second }.count, units.count)
    }

    /// The id of the active code named `name`.
    ///
    /// - Throws: `CodingError.unknownCode` with the closest active name, `.inactiveCode` for a merged or retired code.
    static func activeCode(_ name: String, in corpus: CodedCorpus) throws(CodingError) -> Int64 {
        let named = corpus.codes.values.filter { $0.name == name }
        if let active = named.first(where: { $0.status == .active }) { return active.id }
        if let latest = named.max(by: { $0.id < $1.id }) {
            let target = latest.status == .merged ? latest.followingMerges { corpus.codes[$0] }.name : nil
            throw CodingError.inactiveCode(name, status: latest.status, mergedInto: target)
        }
        let active = corpus.codes.values.filter { $0.status == .active }.map(\.name).sorted()
        throw CodingError.unknownCode(name, suggestion: NameSuggester.closest(to: name, among: active))
    }
}
