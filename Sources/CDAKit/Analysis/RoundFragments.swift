/// The distinct fragments of one round, numbered, with their active codes, their themes and the
/// counted utterances they cover, all as integers: what a report counts per theme and group
/// without hashing a fragment or a string per coding.
///
/// Codings on retired codes are left out and codings on merged codes count for the code they were
/// merged into, as in `CodedCorpus.activeCodes(onFragmentsOf:)`.
struct RoundFragments: Sendable {
    /// The distinct fragments, in document order.
    let fragments: [Fragment]
    /// Each fragment's document ordinal in the corpus's utterances.
    let documents: [Int]
    /// Code ids by ordinal: every code of the corpus, ascending.
    let codeIDs: [Int64]
    /// Theme ids by ordinal: the codebook's themes in order, then any other theme a code is mapped to.
    let themeIDs: [String]
    /// Per fragment: the ordinals of its active codes, ascending.
    let codes: RaggedArray<Int>
    /// Per fragment: the ordinals of the themes its codes map to, ascending.
    let themes: RaggedArray<Int>
    /// Per code ordinal: the ordinals of the themes it maps to, ascending.
    let codeThemes: RaggedArray<Int>
    /// Per fragment: the slots of the counted utterances it covers at least one code point of.
    let countedSlots: RaggedArray<Int>

    private let codeOrdinals: [Int64: Int]

    /// Numbers the fragments of `round`.
    ///
    /// Fragments in documents without loaded utterances are left out: they touch no utterance a
    /// report could count.
    ///
    /// - Complexity: O(*c* + *f* + *u*) for *c* codings, *f* distinct fragments and the *u*
    ///   utterances they span.
    init(corpus: CodedCorpus, round: Int) {
        let utterances = corpus.utterances
        codeIDs = corpus.codes.keys.sorted()
        let codeOrdinals = Dictionary(uniqueKeysWithValues: codeIDs.enumerated().map { ($1, $0) })
        self.codeOrdinals = codeOrdinals
        var themeIDs = corpus.themes.map(\.id)
        themeIDs += Set(corpus.codeThemes.values.flatMap { $0 }).subtracting(themeIDs).sorted()
        self.themeIDs = themeIDs
        let themeOrdinals = Dictionary(uniqueKeysWithValues: themeIDs.enumerated().map { ($1, $0) })
        var codeThemes = RaggedArray<Int>()
        for id in codeIDs {
            for theme in corpus.codeThemes[id] ?? [] { if let ordinal = themeOrdinals[theme] { codeThemes.append(ordinal) } }
            codeThemes.endRowSortedWithoutRepeats()
        }
        self.codeThemes = codeThemes
        let active = codeIDs.map { corpus.codes[$0]?.status == .active }

        // The corpus has numbered its fragments in document order; this round's keep that order.
        let numbered = corpus.codingFragments
        var codings: [(fragment: Int, code: Int)] = []
        codings.reserveCapacity(corpus.codings.count)
        var inRound = [Bool](repeating: false, count: numbered.fragments.count)
        for (index, span) in corpus.codings.enumerated() where span.round == round {
            guard let code = codeOrdinals[span.codeID], active[code] else { continue }
            let fragment = Int(numbered.ofCoding[index])
            guard numbered.documents[fragment] >= 0 else { continue }
            inRound[fragment] = true
            codings.append((fragment, code))
        }
        var position = [Int](repeating: -1, count: inRound.count)
        var kept: [Int] = []
        for (number, used) in inRound.enumerated() where used {
            position[number] = kept.count
            kept.append(number)
        }
        let fragments = kept.map { numbered.fragments[$0] }
        let documents = kept.map { numbered.documents[$0] }
        self.fragments = fragments
        self.documents = documents

        // Codes grouped by fragment (a counting sort), then each fragment's list sorted without repeats.
        var starts = [Int](repeating: 0, count: kept.count + 1)
        for (number, _) in codings { starts[position[number] + 1] += 1 }
        for index in kept.indices { starts[index + 1] += starts[index] }
        var filled = starts
        var grouped = [Int](repeating: 0, count: codings.count)
        for (number, code) in codings {
            grouped[filled[position[number]]] = code
            filled[position[number]] += 1
        }
        var codes = RaggedArray<Int>()
        var themes = RaggedArray<Int>()
        var countedSlots = RaggedArray<Int>()
        for (number, fragment) in fragments.enumerated() {
            for code in grouped[starts[number]..<starts[number + 1]] { codes.append(code) }
            codes.endRowSortedWithoutRepeats()
            for code in codes[number] { for theme in codeThemes[code] { themes.append(theme) } }
            themes.endRowSortedWithoutRepeats()
            for index in fragment.startUtterance...fragment.endUtterance {
                guard let slot = utterances.slot(document: documents[number], index: index), utterances.countedGroups[slot] >= 0,
                    fragment.coveredRange(inUtterance: index, length: utterances.infos[slot].length) != nil
                else { continue }
                countedSlots.append(slot)
            }
            countedSlots.endRow()
        }
        self.codes = codes
        self.themes = themes
        self.countedSlots = countedSlots
    }

    /// The ordinal of a code id.
    func code(_ id: Int64) -> Int? { codeOrdinals[id] }
}
