import Foundation
internal import GRDB

extension ProjectStore {
    /// Adds, under the coder `name`, a whole-utterance coding for every utterance and code that two
    /// or more of the coders judged and all judged present (per utterance, as `agreement` compares),
    /// in one transaction; returns the disagreements to settle in a sheet.
    ///
    /// The comparison and the additions see the same state of the project. Running it again adds
    /// nothing twice. Agreements on retired codes are not added (they are listed instead).
    ///
    /// - Parameters:
    ///   - options: Coders, round, documents, codes (the unit is always the utterance).
    ///   - name: The consensus coder; not one of the coders compared.
    /// - Throws: `AgreementError` (too few or unknown coders, a consensus coder among them or empty),
    ///   `CodingError`, `CorpusError`, `StoreError.database`; nothing is changed then.
    /// - Complexity: One load of the coded corpus with every utterance and its text, the agreement's
    ///   comparison, then one insert per agreed (unit, code).
    public func consensus(_ options: AgreementOptions, as name: String) throws -> ConsensusResult {
        let coder = name.trimmingCharacters(in: .whitespaces)
        guard !coder.isEmpty else { throw AgreementError.emptyConsensusCoder }
        guard !options.coders.contains(coder) else { throw AgreementError.consensusCoderCompared(coder) }
        var options = options
        options.unit = .utterance
        return try write { db in
            let corpus = try Self.codedCorpus(
                db, by: "group", includeModerators: options.includeModerators, withTexts: true, includeAllUtterances: true)
            let scope = try AgreementScope(corpus: corpus, options: options)
            let judgements = UtteranceJudgements(scope: scope, corpus: corpus)
            let report = AgreementReport.byUtterance(scope, corpus: corpus, judgements: judgements)
            var result = ConsensusResult(
                coder: coder, coders: scope.coders, round: scope.round, agreed: 0, added: 0, alreadyPresent: 0,
                retiredCodes: [], disagreements: report.disagreements)
            let validator = FragmentValidator()
            for id in scope.codeIDs {
                guard let code = corpus.codes[id] else { continue }
                let agreed = judgements.agreedPresent(code: id)
                result.agreed += agreed.count
                if code.status != .active {
                    if !agreed.isEmpty { result.retiredCodes.append(code.name) }
                    continue
                }
                for unit in agreed {
                    let request = CodingRequest(
                        fragment: Fragment(documentID: unit.document, startUtterance: unit.index), codeName: code.name, round: scope.round,
                        coder: coder, memo: "consensus of \(scope.coders.joined(separator: ", "))", origin: code.origin)
                    let outcome = try Self.insertCoding(request, validator: validator, db)
                    if outcome.alreadyCoded { result.alreadyPresent += 1 } else { result.added += 1 }
                }
            }
            return result
        }
    }
}
