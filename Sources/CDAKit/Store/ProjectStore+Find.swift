extension ProjectStore {
    /// Finds a text inside the utterances of one document (the workbench's *Find in transcript*).
    ///
    /// - Parameters:
    ///   - finder: What to find, and whether diacritics are ignored.
    ///   - documentID: The document.
    ///   - limit: The most occurrences listed; `total` counts them all.
    /// - Returns: Every occurrence's utterance and offsets (Unicode scalars), in document order.
    /// - Throws: `CorpusError.unknownDocument` (with a suggestion).
    /// - Complexity: O(*n* · *m*) for a document of *n* scalars and a query of *m*.
    public func find(_ finder: TextFinder, inDocument documentID: String, limit: Int) throws -> TranscriptMatches {
        var result = TranscriptMatches(
            document: documentID, query: finder.query, foldDiacritics: finder.foldDiacritics, total: 0, matches: [])
        for utterance in try utterances(of: documentID) {
            for range in finder.ranges(in: utterance.text) {
                result.total += 1
                if result.matches.count < limit {
                    result.matches.append(.init(utterance: utterance.index, start: range.lowerBound, end: range.upperBound))
                }
            }
        }
        return result
    }
}
