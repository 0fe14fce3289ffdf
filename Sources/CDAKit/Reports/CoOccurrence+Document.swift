extension CoOccurrence {
    /// The pairs that occur together as a titled table in `language` (most frequent first), with
    /// a heat map of the Jaccard coefficients for HTML.
    public func document(language: ReportLanguage = .english) -> TableDocument {
        let (header, rows) = table(language: language)
        var csv = [["first", "second", "together", "either", "jaccard"]]
        for pair in pairs { csv.append([pair.first, pair.second, "\(pair.together)", "\(pair.either)", "\(pair.jaccard)"]) }
        let renderer = HTMLReportRenderer(language: language)
        return TableDocument(
            title: title(language), caption: caption(language), header: header, rows: rows, csv: csv,
            notes: (rows.isEmpty ? [language(.noPairs)] : []) + [language.definition("cooccurrence", english: Self.definitionText)],
            figure: renderer.coOccurrenceMap(self) + renderer.table(header, rows), language: language)
    }

    /// The header and rows people read: the occurring pairs, most frequent first.
    func table(language text: ReportLanguage) -> (header: [String], rows: [[String]]) {
        let numbers = ReportNumbers.Formatter(language: text)
        let labels = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.label) })
        let header = [text(.first), text(.second), text(.together), text(.either), text(.jaccard)]
        let rows = occurringPairs.map { pair in
            [labels[pair.first] ?? pair.first, labels[pair.second] ?? pair.second, "\(pair.together)", "\(pair.either)"]
                + [numbers.coefficient(pair.jaccard)]
        }
        return (header, rows)
    }

    /// `Co-occurrence of codes`.
    func title(_ text: ReportLanguage) -> String {
        text(.cooccurrence, text(itemKind == .codes ? .codes : .themes).lowercased())
    }

    /// `Round 2 · unit: overlapping fragments · moderators excluded`.
    func caption(_ text: ReportLanguage) -> String {
        text(
            .cooccurrenceCaption, "\(round)", text(unit == .fragment ? .unitFragment : .unitUtterance),
            text(includesModerators ? .moderatorsIncluded : .moderatorsExcluded))
    }
}
