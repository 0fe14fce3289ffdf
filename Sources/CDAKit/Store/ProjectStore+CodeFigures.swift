extension ProjectStore {
    /// Fragments per group and per round of every code that holds codings, moderators' talk included.
    ///
    /// - Parameter attribute: The attribute that names a fragment's group.
    /// - Returns: One entry per code, ordered by code name.
    /// - Throws: `StoreError.database`.
    /// - Complexity: One load of the coded corpus, then O(*c*) for *c* codings.
    public func codeFigures(by attribute: String = "group") throws -> [CodeFigures] {
        CodeFigures.compute(from: try codedCorpus(by: attribute, includeModerators: true)).values.sorted {
            ($0.code, $0.codeID) < ($1.code, $1.codeID)
        }
    }
}
