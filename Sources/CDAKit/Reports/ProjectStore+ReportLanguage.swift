extension ProjectStore {
    /// The language reports use when none is asked for: the one language the documents declare in
    /// their `language` attribute, if `cda` has labels for it, else English.
    ///
    /// - Throws: `StoreError` when the documents cannot be read.
    public func reportLanguage() throws -> ReportLanguage {
        ReportLanguage.project(try documents().compactMap { $0.attributes["language"] })
    }
}
