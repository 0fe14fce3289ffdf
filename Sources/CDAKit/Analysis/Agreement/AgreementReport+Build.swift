extension AgreementReport {
    /// Compares the coders' codings in `corpus` as `options` ask.
    ///
    /// Per utterance, each code gives a units × coders table of present/absent judgements (missing
    /// where a coder did not code the document), and the statistics are those of `ReliabilityData`;
    /// overall, the tables of all codes some coder used are stacked, so each (code, unit) pair is
    /// one unit. Per segment, see `SegmentMatching`: only percent agreement is defined.
    ///
    /// - Parameters:
    ///   - corpus: The coded corpus, loaded with `includeAllUtterances` (and with texts, for the
    ///     disagreements' text).
    ///   - options: Coders, round, documents, codes, unit.
    /// - Throws: `AgreementError` (too few or unknown coders, an overlap outside 0…1), `CodingError`
    ///   (unknown or merged code, bad round), `CorpusError.unknownDocument`.
    /// - Complexity: Per utterance O(*k* · *u* · *m* + *s* · *l*) for *k* codes, *u* units, *m* coders and
    ///   *s* codings over at most *l* utterances; per segment O(*s*² · *p*) in the worst case of one
    ///   document, *p* the pieces of a segment.
    public init(corpus: CodedCorpus, options: AgreementOptions) throws {
        if case .segment(let minimum) = options.unit, !(0...1).contains(minimum) { throw AgreementError.overlapOutOfRange(minimum) }
        let scope = try AgreementScope(corpus: corpus, options: options)
        switch options.unit {
        case .utterance: self = Self.byUtterance(scope, corpus: corpus, judgements: UtteranceJudgements(scope: scope, corpus: corpus))
        case .segment(let minimum): self = Self.bySegment(scope, corpus: corpus, minimumOverlap: minimum)
        }
    }

    /// The report per utterance, from judgements already collected.
    static func byUtterance(_ scope: AgreementScope, corpus: CodedCorpus, judgements: UtteranceJudgements) -> AgreementReport {
        var overall = ReliabilityData(coders: scope.coders.count, categories: 2)
        var codes: [CodeAgreement] = []
        var disagreements: [Disagreement] = []
        for id in scope.codeIDs {
            let data = judgements.data(code: id)
            let used = data.judgementsPerCategory[UtteranceJudgements.present] > 0
            if used { overall.add(contentsOf: data) }
            codes.append(
                CodeAgreement(
                    code: corpus.codes[id]?.name ?? "", codeID: id,
                    statistics: used ? Statistics(data) : Statistics(undefined: .codeUnused),
                    codedUnits: judgements.codedUnits(code: id), comparedUnits: data.pairableUnits))
            for (unit, given) in judgements.disagreements(code: id) {
                disagreements.append(
                    disagreement(
                        code: id, corpus: corpus, scope: scope, judgements: given,
                        fragment: Fragment(documentID: unit.document, startUtterance: unit.index),
                        text: corpus.utterances[unit]?.text))
            }
        }
        let perDocument = Dictionary(grouping: scope.units, by: \.document).mapValues(\.count)
        return AgreementReport(
            unit: .utterance, units: scope.units.count, coders: scope.coders, round: scope.round,
            documents: documents(scope, units: perDocument), codes: codes,
            overall: Overall(statistics: Statistics(overall), comparedUnits: overall.pairableUnits),
            disagreements: sorted(disagreements, scope: scope))
    }

    private static func bySegment(_ scope: AgreementScope, corpus: CodedCorpus, minimumOverlap: Double) -> AgreementReport {
        let matcher = SegmentMatching(minimumOverlap: minimumOverlap)
        let segments = SegmentMatching.segments(in: scope, corpus: corpus)
        var codes: [CodeAgreement] = []
        var disagreements: [Disagreement] = []
        var checked = 0
        var matched = 0
        var total = 0
        var perDocument: [String: Int] = [:]
        for id in scope.codeIDs {
            let list = segments[id] ?? []
            let result = matcher.match(list, scope: scope)
            total += list.count
            for segment in list { perDocument[segment.fragment.documentID, default: 0] += 1 }
            checked += result.checked
            matched += result.matched
            let agreement: AgreementEstimate =
                result.checked == 0 ? .undefined(.noPairableUnits) : .value(Double(result.matched) / Double(result.checked))
            codes.append(
                CodeAgreement(
                    code: corpus.codes[id]?.name ?? "", codeID: id,
                    statistics: list.isEmpty ? Statistics(undefined: .codeUnused) : Statistics(segmentAgreement: agreement),
                    codedUnits: Dictionary(uniqueKeysWithValues: scope.coders.enumerated().map { ($1, result.segments[$0]) }),
                    comparedUnits: result.checked))
            for (segment, given) in result.unmatched {
                let text = segment.pieces.sorted { $0.key < $1.key }.compactMap { key, range in
                    corpus.utterances[key]?.text?.scalarSlice(range)
                }
                var entry = disagreement(
                    code: id, corpus: corpus, scope: scope, judgements: given, fragment: segment.fragment,
                    text: text.isEmpty ? nil : text.joined(separator: " "))
                entry.segmentCoder = scope.coders[segment.coder]
                disagreements.append(entry)
            }
        }
        let overall: AgreementEstimate = checked == 0 ? .undefined(.noPairableUnits) : .value(Double(matched) / Double(checked))
        return AgreementReport(
            unit: .segment(minimumOverlap: minimumOverlap), units: total, coders: scope.coders, round: scope.round,
            documents: documents(scope, units: perDocument), codes: codes,
            overall: Overall(statistics: Statistics(segmentAgreement: overall), comparedUnits: checked),
            disagreements: sorted(disagreements, scope: scope))
    }

    private static func documents(_ scope: AgreementScope, units: [String: Int]) -> [DocumentScope] {
        scope.documents.map { document in
            DocumentScope(document: document, units: units[document] ?? 0, coders: scope.coders.filter { scope.judged(document, by: $0) })
        }
    }

    private static func disagreement(
        code id: Int64, corpus: CodedCorpus, scope: AgreementScope, judgements: [Int?],
        fragment: Fragment, text: String?
    ) -> Disagreement {
        Disagreement(
            code: corpus.codes[id]?.name ?? "", inVivo: corpus.codes[id]?.origin == .inVivo, fragment: fragment,
            judgements: zip(scope.coders, judgements).map { coder, value in
                .init(coder: coder, judgement: value.map { $0 == UtteranceJudgements.present ? .present : .absent } ?? .notCoded)
            },
            segmentCoder: nil, text: text)
    }

    /// Document order (as ingested), then position, then code name.
    private static func sorted(_ disagreements: [Disagreement], scope: AgreementScope) -> [Disagreement] {
        let order = Dictionary(uniqueKeysWithValues: scope.documents.enumerated().map { ($1, $0) })
        return disagreements.sorted { a, b in
            let left = (
                order[a.fragment.documentID] ?? 0, a.fragment.startUtterance, a.fragment.startOffset ?? 0, a.fragment.endUtterance,
                a.fragment.endOffset ?? Int.max
            )
            let right = (
                order[b.fragment.documentID] ?? 0, b.fragment.startUtterance, b.fragment.startOffset ?? 0, b.fragment.endUtterance,
                b.fragment.endOffset ?? Int.max
            )
            if left != right { return left < right }
            return (a.code, a.segmentCoder ?? "") < (b.code, b.segmentCoder ?? "")
        }
    }
}
