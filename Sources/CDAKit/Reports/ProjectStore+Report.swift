extension ProjectStore {
    /// Computes the per-group theme report.
    ///
    /// - Throws: `StoreError`, or `CodingError.unknownTheme` for an unknown theme in the options.
    public func themeReport(_ options: ReportOptions) throws -> ThemeReport {
        let corpus = try codedCorpus(by: options.by, includeModerators: options.includeModerators, withTexts: options.quotes)
        let terms = corpus.themes.flatMap(\.terms)
        let usage = terms.isEmpty ? [:] : try termUsage(terms, by: options.by, includeModerators: options.includeModerators)
        return try ThemeReport.build(corpus: corpus, termUsage: usage, options: options)
    }
}
