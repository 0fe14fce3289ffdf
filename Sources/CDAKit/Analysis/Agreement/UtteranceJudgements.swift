/// Per code, each coder's judgement on each unit (utterance): present, absent or missing.
///
/// A coder's judgement on a unit is *present* when one of the coder's codings of the code (after
/// merges) covers at least one code point of the utterance, *absent* when the coder coded the
/// document but not so, and missing when the coder did not code the document (see `AgreementScope`).
struct UtteranceJudgements {
    /// The category of an absent judgement.
    static let absent = 0
    /// The category of a present judgement.
    static let present = 1

    /// The scope judged.
    let scope: AgreementScope
    /// Per code id, per coder index, the units judged present.
    private(set) var presentUnits: [Int64: [Set<CodedCorpus.UtteranceKey>]] = [:]

    /// Collects the present judgements from the scope's codings.
    ///
    /// - Complexity: O(*s* · *l*) for *s* codings spanning at most *l* utterances each.
    init(scope: AgreementScope, corpus: CodedCorpus) {
        self.scope = scope
        let units = Set(scope.units)
        let index = scope.coderIndex
        for id in scope.codeIDs { presentUnits[id] = Array(repeating: [], count: scope.coders.count) }
        for span in scope.spans {
            guard let coder = index[span.coder] else { continue }
            for position in span.fragment.startUtterance...span.fragment.endUtterance {
                let key = CodedCorpus.UtteranceKey(document: span.fragment.documentID, index: position)
                guard units.contains(key), let info = corpus.utterances[key],
                    span.fragment.coveredRange(inUtterance: position, length: info.length) != nil
                else { continue }
                presentUnits[span.codeID]?[coder].insert(key)
            }
        }
    }

    /// The judgements on one unit for one code, one per coder (`nil` when missing).
    func judgements(code: Int64, unit: CodedCorpus.UtteranceKey) -> [Int?] {
        let present = presentUnits[code] ?? []
        return scope.coders.enumerated().map { index, coder in
            guard scope.judged(unit.document, by: coder) else { return nil }
            return index < present.count && present[index].contains(unit) ? Self.present : Self.absent
        }
    }

    /// The tally of one code over all units.
    ///
    /// - Complexity: O(*u* · *m*) for *u* units and *m* coders.
    func data(code: Int64) -> ReliabilityData {
        var data = ReliabilityData(coders: scope.coders.count, categories: 2)
        for unit in scope.units { data.add(judgements(code: code, unit: unit)) }
        return data
    }

    /// Units judged present per coder, for one code.
    func codedUnits(code: Int64) -> [String: Int] {
        let present = presentUnits[code] ?? []
        return Dictionary(uniqueKeysWithValues: scope.coders.enumerated().map { ($1, $0 < present.count ? present[$0].count : 0) })
    }

    /// The units (in order) on which two or more coders judged the code and did not all agree.
    func disagreements(code: Int64) -> [(unit: CodedCorpus.UtteranceKey, judgements: [Int?])] {
        scope.units.compactMap { unit in
            let judgements = judgements(code: code, unit: unit)
            let given = judgements.compactMap { $0 }
            return given.count >= 2 && Set(given).count > 1 ? (unit, judgements) : nil
        }
    }

    /// The units (in order) that two or more coders judged and all of them judged present.
    func agreedPresent(code: Int64) -> [CodedCorpus.UtteranceKey] {
        scope.units.filter { unit in
            let given = judgements(code: code, unit: unit).compactMap { $0 }
            return given.count >= 2 && given.allSatisfy { $0 == Self.present }
        }
    }
}
