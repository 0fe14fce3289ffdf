extension ProjectStore {
    /// Computes the per-group theme report.
    ///
    /// - Throws: `StoreError`, or `CodingError.unknownTheme` for an unknown theme in the options.
    public func themeReport(_ options: ReportOptions) throws -> ThemeReport {
        let corpus = try codedCorpus(by: options.by, includeModerators: options.includeModerators, withTexts: options.quotes)
        let terms = corpus.themes.flatMap(\.terms)
        let usage = terms.isEmpty ? [:] : try termUsage(terms, by: options.by, includeModerators: options.includeModerators)
        var report = try ThemeReport.build(corpus: corpus, termUsage: usage, options: options)
        // Only active codes appear in a report, and their names are unique.
        for code in corpus.codes.values where code.status == .active {
            if let color = code.color.flatMap({ try? CodeColor.validated($0) }) { report.codeColors[code.name] = color }
        }
        if options.instruments {
            let scope = TextScope(by: options.by, includeModerators: options.includeModerators)
            var keywords: [String: [KeywordEntry]] = [:]
            for group in corpus.groupNames {
                keywords[group] = try Keyness.compare(
                    target: group, reference: nil, in: self, scope: scope, minimumFrequency: 3, limit: 10, skipStopWords: true
                ).targetKeywords
            }
            report.instruments = .init(keywords: keywords, positioning: try Positioning.measure(in: self, scope: scope))
        }
        if options.dynamics {
            let choice = DynamicsOptions(by: options.by, round: options.round, pseudonymize: options.pseudonymize)
            report.dynamics = try conversationDynamics(choice, corpus: corpus)
            report.definitions.merge(ConversationDynamics.definitionTexts) { current, _ in current }
        }
        if var choice = options.matrix {
            choice.by = options.by
            choice.round = options.round
            choice.includeModerators = options.includeModerators
            report.matrix = try CodeMatrix.build(corpus: corpus, options: choice)
            report.definitions["matrix"] = CodeMatrix.definitionText
        }
        if options.cooccurrence {
            let choice = CoOccurrenceOptions(items: .themes, round: options.round, includeModerators: options.includeModerators)
            report.cooccurrence = try CoOccurrence.build(corpus: corpus, options: choice)
            report.definitions["cooccurrence"] = CoOccurrence.definitionText
        }
        return report
    }
}
