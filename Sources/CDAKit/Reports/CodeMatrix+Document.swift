/// Which figure a code matrix shows in its cells.
public enum MatrixCount: String, Sendable, Hashable, CaseIterable {
    /// Distinct fragments.
    case fragments
    /// Distinct covered words.
    case words
}

extension CodeMatrix {
    /// The matrix as a titled table in `language`: a row per code or theme, a column per group,
    /// document or speaker, then the total; cells hold `count`.
    public func document(count: MatrixCount = .fragments, language: ReportLanguage = .english) -> TableDocument {
        let (header, rows) = table(count: count, language: language)
        var csv = [
            ["id", "label"] + columns.map(\.name).flatMap { ["\($0) fragments", "\($0) words"] } + ["total fragments", "total words"]
        ]
        for row in self.rows {
            csv.append([row.id, row.label] + (row.cells + [row.total]).flatMap { ["\($0.fragments)", "\($0.words)"] })
        }
        return TableDocument(
            title: title(language), caption: caption(count: count, language: language), header: header, rows: rows, csv: csv,
            notes: [language.definition("matrix", english: Self.definitionText)],
            figure: HTMLReportRenderer(language: language).shadedTable(header: header, rows: rows, values: values(count)),
            language: language)
    }

    /// The header and rows people read: labels, then the counts as whole numbers.
    func table(count: MatrixCount, language text: ReportLanguage) -> (header: [String], rows: [[String]]) {
        let header = [text(rowKind == .codes ? .code : .theme)] + columns.map(\.name) + [text(.total)]
        let rows = zip(self.rows, values(count)).map { row, values in [row.label] + values.map { "\($0)" } }
        return (header, rows)
    }

    /// Per row, the cells' counts then the total.
    func values(_ count: MatrixCount) -> [[Int]] {
        rows.map { row in (row.cells + [row.total]).map { count == .fragments ? $0.fragments : $0.words } }
    }

    /// `Code matrix: codes by speakers`.
    func title(_ text: ReportLanguage) -> String {
        let rowName = text(rowKind == .codes ? .codes : .themes).lowercased()
        let columnName =
            switch columnKind {
            case .groups: text(.groups).lowercased()
            case .documents: text(.documents)
            case .speakers: text(.speakers)
            }
        return text(.matrix, rowName, columnName)
    }

    /// `Round 2 · fragments per cell · moderators excluded`, with `· speakers as P01, P02, …` when
    /// the columns are speakers.
    func caption(count: MatrixCount, language text: ReportLanguage) -> String {
        let caption = text(
            .matrixCaption, "\(round)", text(count == .fragments ? .fragmentsPerCell : .wordsPerCell),
            text(includesModerators ? .moderatorsIncluded : .moderatorsExcluded))
        guard columnKind == .speakers else { return caption }
        return caption + " · " + text(.speakersShown, text(pseudonymized ? .speakersPseudonymized : .speakersLabelled))
    }
}
