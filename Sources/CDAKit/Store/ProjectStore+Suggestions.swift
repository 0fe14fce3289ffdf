extension ProjectStore {
    /// Candidate code merges, ranked; nothing is changed.
    public func mergeSuggestions(limit: Int = 50) throws -> [MergeSuggestion] {
        MergeSuggester.suggest(in: try codedCorpus(includeModerators: true), limit: limit)
    }

    /// Candidate in-vivo codes: expressions distinctive of participants' talk; nothing is changed.
    ///
    /// - Parameters:
    ///   - group: Only this group's participants; all other talk is the reference.
    ///   - limit: The most suggestions.
    public func inVivoSuggestions(group: String?, limit: Int) throws -> [InVivoSuggestion] {
        let groups = Set(try documents().compactMap(\.group)).sorted()
        var suggester = InVivoSuggester(group: group, groups: groups)
        try forEachUtterance { suggester.add($0) }
        return suggester.suggestions(limit: limit)
    }
}
