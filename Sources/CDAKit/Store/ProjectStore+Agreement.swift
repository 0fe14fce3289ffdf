extension ProjectStore {
    /// How far coders agree, per code and overall (see `AgreementReport.init(corpus:options:)`).
    ///
    /// - Parameters:
    ///   - options: Coders, round, documents, codes and unit.
    ///   - withTexts: Whether the disagreements carry their text (for a coding sheet).
    /// - Throws: `AgreementError`, `CodingError`, `CorpusError.unknownDocument`, `StoreError.database`.
    /// - Complexity: One load of the coded corpus with every utterance, then as the report's init.
    public func agreement(_ options: AgreementOptions, withTexts: Bool = false) throws -> AgreementReport {
        let corpus = try codedCorpus(includeModerators: options.includeModerators, withTexts: withTexts, includeAllUtterances: true)
        return try AgreementReport(corpus: corpus, options: options)
    }
}
