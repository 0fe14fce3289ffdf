extension CodedCorpus {
    /// A stretch of counted talk that a fragment covers inside one utterance.
    public struct Piece: Sendable, Hashable {
        /// The utterance.
        public var key: UtteranceKey
        /// What the analyses know about it.
        public var info: UtteranceInfo
        /// The covered offsets: Unicode scalar offsets, zero-based, end-exclusive.
        public var range: Range<Int>
    }

    /// The distinct fragments of `round` with the active codes on them; codings on retired codes
    /// are left out, codings on merged codes count for the code they were merged into.
    ///
    /// - Complexity: O(*c*) for *c* codings.
    public func activeCodes(onFragmentsOf round: Int) -> [Fragment: Set<Int64>] {
        var result: [Fragment: Set<Int64>] = [:]
        for span in codings where span.round == round {
            guard let code = codes[span.codeID], code.status == .active else { continue }
            result[span.fragment, default: []].insert(span.codeID)
        }
        return result
    }

    /// The pieces of `fragment` in counted talk: utterances it covers at least one code point of,
    /// whose speaker counts (moderators and observers only when the corpus includes them).
    ///
    /// - Complexity: O(*u*) for the *u* utterances the fragment spans.
    public func countedPieces(of fragment: Fragment) -> [Piece] {
        (fragment.startUtterance...fragment.endUtterance).compactMap { index in
            let key = UtteranceKey(document: fragment.documentID, index: index)
            guard let info = utterances[key], includesModerators || !info.isModerator,
                let range = fragment.coveredRange(inUtterance: index, length: info.length)
            else { return nil }
            return Piece(key: key, info: info, range: range)
        }
    }
}

extension CodedCorpus {
    /// A row of a matrix or an item of a co-occurrence table: a code or a theme, with the codes
    /// that put a fragment in it.
    struct Line: Sendable, Hashable {
        /// The code's name or the theme's id.
        var id: String
        /// The code's name or the theme's label.
        var label: String
        /// The active codes whose fragments belong to it.
        var codes: Set<Int64>
    }

    /// What a line is.
    enum LineKind: Sendable, Hashable {
        /// One line per code.
        case codes
        /// One line per theme.
        case themes
    }

    /// The codes among `used`, by name, or every theme in codebook order with the codes mapped to it.
    func lines(_ kind: LineKind, codes used: Set<Int64>) -> [Line] {
        switch kind {
        case .codes:
            return used.compactMap { id in codes[id].map { Line(id: $0.name, label: $0.name, codes: [id]) } }.sorted { $0.id < $1.id }
        case .themes:
            return themes.map { theme in
                Line(id: theme.id, label: theme.label, codes: Set(codeThemes.filter { $0.value.contains(theme.id) }.keys))
            }
        }
    }
}
