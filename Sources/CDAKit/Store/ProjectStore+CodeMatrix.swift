extension ProjectStore {
    /// Computes the code matrix: codes or themes against groups, documents or speakers.
    ///
    /// - Parameter options: Rows, columns, attribute, round, moderators and speaker names.
    /// - Throws: `AnalysisError.unknownAttribute` when the columns are groups and no document or
    ///   speaker has `options.by`; `CodingError.invalidRound`; `StoreError.database`.
    /// - Complexity: One pass over the utterances (aggregated in SQL) and one over the codings, then `CodeMatrix.build`.
    public func codeMatrix(_ options: CodeMatrixOptions) throws -> CodeMatrix {
        if options.columns == .groups { _ = try groupNames(by: options.by) }
        let corpus = try codedCorpus(by: options.by, includeModerators: options.includeModerators)
        return try CodeMatrix.build(corpus: corpus, options: options)
    }

    /// Computes which codes or themes occur together, with counts and the Jaccard coefficient.
    ///
    /// - Parameter options: Items, unit, round and moderators.
    /// - Throws: `CodingError.unknownCode`, `.inactiveCode` or `.invalidRound`; `StoreError.database`.
    /// - Complexity: One pass over the utterances (aggregated in SQL) and one over the codings, then `CoOccurrence.build`.
    public func coOccurrence(_ options: CoOccurrenceOptions) throws -> CoOccurrence {
        let corpus = try codedCorpus(includeModerators: options.includeModerators)
        return try CoOccurrence.build(corpus: corpus, options: options)
    }
}
