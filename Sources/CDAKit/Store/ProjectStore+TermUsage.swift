extension ProjectStore {
    /// Which sensitising terms each group used anywhere in its talk.
    ///
    /// - Parameters:
    ///   - terms: The terms (`word`, `phrase`, `prefix*`).
    ///   - attribute: The grouping attribute.
    ///   - includeModerators: Whether moderators' talk counts.
    /// - Returns: Per group, the terms that occur at least once.
    /// - Complexity: One streaming pass over the corpus.
    public func termUsage(_ terms: [String], by attribute: String, includeModerators: Bool) throws -> [String: Set<String>] {
        let matcher = TermMatcher(terms: terms)
        var used: [String: Set<String>] = [:]
        try forEachUtterance(by: attribute) { record in
            guard let group = record.group, includeModerators || !record.isModerator else { return }
            let words = Tokenizer.words(in: record.text).map { $0.lowercased() }
            used[group, default: []].formUnion(matcher.terms(in: words))
        }
        return used
    }
}
