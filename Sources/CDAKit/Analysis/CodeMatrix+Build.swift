extension CodeMatrix {
    /// Computes the matrix of codes or themes against groups, documents or speakers.
    ///
    /// A fragment counts in a column when at least one code point of it lies in the column's
    /// counted talk; its words count in the column whose utterance holds them. A fragment belongs
    /// to a theme when one of its active codes maps to the theme (as in the theme report).
    ///
    /// - Parameters:
    ///   - corpus: The coded corpus, loaded with the grouping attribute and moderator choice of `options`.
    ///   - options: Rows, columns, round and how speakers are shown.
    /// - Returns: The matrix; codes in name order, themes in codebook order.
    /// - Throws: `CodingError.invalidRound` for a round that does not exist.
    /// - Complexity: O(*r* · *f* + *c* + *w*) for *r* rows, *f* fragments of the round, *c* codings and *w* words of
    ///   partially coded utterances.
    public static func build(corpus: CodedCorpus, options: CodeMatrixOptions) throws(CodingError) -> CodeMatrix {
        let round = try options.round.resolved(currentRound: corpus.currentRound)
        let codesOnFragment = corpus.activeCodes(onFragmentsOf: round)
        let fragments = codesOnFragment.keys.sorted()
        let names = corpus.speakerNames(pseudonymized: options.pseudonymize)
        let columns = Self.columns(options.columns, corpus: corpus, fragments: fragments, names: names)
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) })
        func column(_ key: CodedCorpus.UtteranceKey, _ info: CodedCorpus.UtteranceInfo) -> Int? {
            let name: String? =
                switch options.columns {
                case .groups: info.group
                case .documents: key.document
                case .speakers: info.speaker.flatMap { names[$0] }
                }
            return name.flatMap { position[$0] }
        }
        let pieces = fragments.map { corpus.countedPieces(of: $0) }

        let rows = corpus.lines(options.rows == .codes ? .codes : .themes, codes: Set(codesOnFragment.values.flatMap { $0 }))
        let body = rows.map { row -> Row in
            var fragmentCounts = Array(repeating: 0, count: columns.count)
            var totalFragments = 0
            var rowFragments: [Fragment] = []
            for (index, fragment) in fragments.enumerated() where !row.codes.isDisjoint(with: codesOnFragment[fragment] ?? []) {
                rowFragments.append(fragment)
                let hit = Set(pieces[index].compactMap { column($0.key, $0.info) })
                for column in hit { fragmentCounts[column] += 1 }
                if !hit.isEmpty { totalFragments += 1 }
            }
            var wordCounts = Array(repeating: 0, count: columns.count)
            var totalWords = 0
            for (key, words) in Coverage.coveredWords(by: rowFragments, in: corpus) {
                guard let info = corpus.utterances[key], corpus.includesModerators || !info.isModerator,
                    let index = column(key, info)
                else { continue }
                wordCounts[index] += words
                totalWords += words
            }
            return Row(
                id: row.id, label: row.label, cells: zip(fragmentCounts, wordCounts).map { Cell(fragments: $0, words: $1) },
                total: Cell(fragments: totalFragments, words: totalWords))
        }
        return CodeMatrix(
            round: round, rowKind: options.rows, columnKind: options.columns, by: corpus.attribute,
            includesModerators: corpus.includesModerators, pseudonymized: options.pseudonymize, columns: columns, rows: body)
    }

    /// The columns: every group; every document; or every participant who spoke, with any other
    /// counted speaker of a fragment, by shown name.
    private static func columns(
        _ kind: ColumnKind, corpus: CodedCorpus, fragments: [Fragment], names: [String: String]
    ) -> [Column] {
        switch kind {
        case .groups:
            return corpus.groupNames.map { Column(name: $0) }
        case .documents:
            return corpus.documents.map { Column(name: $0) }
        case .speakers:
            var groups: [String: Set<String>] = [:]
            for (group, totals) in corpus.groups {
                for speaker in totals.participants { groups[speaker, default: []].insert(group) }
            }
            for fragment in fragments {
                for piece in corpus.countedPieces(of: fragment) {
                    guard let speaker = piece.info.speaker else { continue }
                    if let group = piece.info.group {
                        groups[speaker, default: []].insert(group)
                    } else if groups[speaker] == nil {
                        groups[speaker] = []
                    }
                }
            }
            return groups.map { speaker, memberships in
                Column(name: names[speaker] ?? speaker, group: memberships.isEmpty ? nil : memberships.sorted().joined(separator: ", "))
            }.sorted { $0.name < $1.name }
        }
    }
}
