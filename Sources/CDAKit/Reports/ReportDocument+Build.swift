import Foundation

extension ReportDocument {
    /// The report as a document in `language`: the groups, the overview, per theme its figures,
    /// codes, summaries and quotes, the keywords and positioning when asked for, the silences and
    /// the definitions. Charts are left out with a note; the numbers are formatted by
    /// `ReportNumbers`.
    init(_ report: ThemeReport, language: ReportLanguage = .english) {
        let text = language
        let numbers = ReportNumbers.Formatter(language: language)
        let names = report.groups.map(\.name)
        let title = text(.title, report.project)
        var blocks: [Block] = [.title(title)]
        blocks.append(
            .paragraph([
                Run(
                    text: text(
                        .generated, report.generatedBy, "\(report.round)", report.by,
                        text(report.includesModerators ? .moderatorsIncluded : .moderatorsExcluded), Self.privacy(report.privacy, language))
                )
            ]))
        blocks.append(.paragraph([Run(text: text(.chartsLeftOut), italic: true)]))
        blocks.append(.heading(text(.groups), level: 1))
        blocks.append(.table(header: Self.groupHeader(report, language: language), rows: Self.groupRows(report, language: language)))
        blocks.append(.heading(text(.overview), level: 1))
        blocks.append(
            .table(
                header: [text(.theme)] + names + [text(.logLikelihood), text(.logRatio), text(.raisedMoreBy)],
                rows: report.themes.map { theme in
                    [theme.label] + names.map { numbers.percent(theme.groups[$0]?.shareOfWords ?? 0) }
                        + [
                            numbers.statistic(theme.comparison?.logLikelihood), numbers.statistic(theme.comparison?.logRatio),
                            theme.comparison?.raisedMoreBy ?? "–",
                        ]
                }))
        blocks.append(.heading(text(.themes), level: 1))
        for theme in report.themes { blocks += Self.themeBlocks(theme, report: report, language: language) }
        if let instruments = report.instruments { blocks += Self.instrumentBlocks(instruments, groups: names, language: language) }
        if let matrix = report.matrix {
            let (header, rows) = matrix.table(count: .fragments, language: language)
            blocks += [
                .heading(matrix.title(language), level: 1), .paragraph([Run(text: matrix.caption(count: .fragments, language: language))]),
                .table(header: header, rows: rows),
            ]
        }
        if let cooccurrence = report.cooccurrence {
            let (header, rows) = cooccurrence.table(language: language)
            blocks += [.heading(cooccurrence.title(language), level: 1), .paragraph([Run(text: cooccurrence.caption(language))])]
            blocks.append(rows.isEmpty ? .paragraph([Run(text: text(.noPairs))]) : .table(header: header, rows: rows))
        }
        if report.dynamics != nil {
            blocks.append(.heading(text(.dynamics), level: 1))
            blocks.append(.paragraph([Run(text: text(.dynamicsElsewhere), italic: true)]))
        }
        blocks.append(.heading(text(.silences), level: 1))
        if report.silences.isEmpty { blocks.append(.paragraph([Run(text: text(.noSilences))])) }
        for silence in report.silences { blocks.append(.paragraph(Self.describe(silence, report: report, language: language))) }
        blocks.append(.heading(text(.definitions), level: 1))
        for (key, english) in report.definitions.sorted(by: { $0.key < $1.key }) {
            blocks.append(.paragraph([Run(text: key, bold: true), Run(text: ": " + language.definition(key, english: english))]))
        }
        self.init(title: title, blocks: blocks)
    }

    /// The heading of a theme's section: `label (id)`.
    static func themeHeading(_ theme: ThemeReport.Theme) -> String { "\(theme.label) (\(theme.id))" }

    /// The privacy line in `language`.
    static func privacy(_ privacy: ReportPrivacy, _ language: ReportLanguage) -> String {
        switch privacy {
        case .private: language(.privacyPrivate)
        case .quotes(let maxWords): language(.privacyQuotes, "\(maxWords)")
        }
    }

    /// The header of the groups table, as every format writes it; coded seconds only when the
    /// report has time-span codings.
    static func groupHeader(_ report: ThemeReport, language text: ReportLanguage) -> [String] {
        let labels: [ReportLabel] = [.group, .documents, .participants, .utterances, .words, .codedWords, .coded]
        return (labels + (report.hasTimeSpans ? [.codedSeconds] : [])).map { text($0) }
    }

    /// The rows of the groups table (see `groupHeader`).
    static func groupRows(_ report: ThemeReport, language: ReportLanguage) -> [[String]] {
        let numbers = ReportNumbers.Formatter(language: language)
        return report.groups.map { group in
            [
                group.name, "\(group.documents)", "\(group.participants)", "\(group.utterances)", "\(group.words)",
                "\(group.codedWords)", numbers.percent(group.codedShare),
            ] + (report.hasTimeSpans ? [numbers.duration(group.codedSeconds)] : [])
        }
    }

    /// A theme's figures table, one row per figure and a column per group, as every format
    /// writes it: fragments, words, seconds (when the report has time-span codings), share of
    /// words, participants (with their share), documents.
    static func figureRows(_ theme: ThemeReport.Theme, report: ThemeReport, language text: ReportLanguage) -> [[String]] {
        let numbers = ReportNumbers.Formatter(language: text)
        let cells = report.groups.map { theme.groups[$0.name] }
        let seconds = report.hasTimeSpans ? [[text(.seconds)] + cells.map { numbers.duration($0?.seconds ?? 0) }] : []
        return [
            [text(.fragments)] + cells.map { "\($0?.fragments ?? 0)" },
            [text(.words)] + cells.map { "\($0?.words ?? 0)" },
        ] + seconds + [

            [text(.shareOfWords)] + cells.map { numbers.percent($0?.shareOfWords ?? 0) },
            [text(.participants)]
                + zip(cells, report.groups).map { cell, group in
                    "\(numbers.count(cell?.participants ?? 0, of: group.participants)) (\(numbers.percent(cell?.shareOfParticipants ?? 0)))"
                },
            [text(.documents)] + cells.map { "\($0?.documents ?? 0)" },
        ]
    }

    private static func themeBlocks(_ theme: ThemeReport.Theme, report: ThemeReport, language text: ReportLanguage) -> [Block] {
        let names = report.groups.map(\.name)
        let cells = names.map { theme.groups[$0] }
        var blocks: [Block] = [.heading(themeHeading(theme), level: 2)]
        if !theme.description.isEmpty { blocks.append(.paragraph([Run(text: theme.description)])) }
        blocks.append(.heading(text(.figures), level: 3))
        blocks.append(.table(header: [""] + names, rows: figureRows(theme, report: report, language: text)))
        let codeNames = Set(cells.flatMap { $0?.codes.map(\.code) ?? [] }).sorted()
        if !codeNames.isEmpty {
            blocks.append(.heading(text(.codes) + " " + text(.fragmentsPerGroup), level: 3))
            blocks.append(
                .table(
                    header: [text(.code)] + names,
                    rows: codeNames.map { code in
                        [code] + cells.map { cell in "\(cell?.codes.first { $0.code == code }?.fragments ?? 0)" }
                    }))
        }
        let co = zip(names, cells).compactMap { name, cell -> String? in
            guard let cell, !cell.coThemes.isEmpty else { return nil }
            return "\(name): " + cell.coThemes.map { "\($0.theme) (\($0.fragments))" }.joined(separator: ", ")
        }
        if !co.isEmpty {
            blocks.append(.paragraph([Run(text: text(.coThemes), bold: true), Run(text: " — " + co.joined(separator: "; "))]))
        }
        let summaries = zip(names, cells).compactMap { name, cell in
            cell?.summary.map { (name, $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        if !summaries.isEmpty {
            blocks.append(.heading(text(.summaries), level: 3))
            for (name, summary) in summaries { blocks.append(.paragraph([Run(text: name + ". ", bold: true), Run(text: summary)])) }
        }
        let quotes = zip(names, cells).flatMap { name, cell in (cell?.quotes ?? []).map { (name, $0) } }
        if !quotes.isEmpty {
            blocks.append(.heading(text(.quotes), level: 3))
            for (name, quote) in quotes {
                blocks.append(
                    .paragraph([
                        Run(text: quote.text, italic: true),
                        Run(text: " — \(quote.speaker ?? "?") (\(name)), \(quote.location)\(quote.selected ? " " + text(.selected) : "")"),
                    ]))
            }
        }
        return blocks
    }

    private static func instrumentBlocks(_ instruments: ThemeReport.Instruments, groups: [String], language text: ReportLanguage) -> [Block]
    {
        let numbers = ReportNumbers.Formatter(language: text)
        var blocks: [Block] = [.heading(text(.keywords), level: 1)]
        for group in groups {
            let entries = instruments.keywords[group] ?? []
            let list =
                entries.isEmpty
                ? text(.none) : entries.map { "\($0.item) (G² \(numbers.statistic($0.logLikelihood)))" }.joined(separator: ", ")
            blocks.append(.paragraph([Run(text: group + ": ", bold: true), Run(text: list)]))
        }
        blocks.append(.heading(text(.positioning), level: 1))
        blocks.append(
            .table(
                header: [.group, .theme, .words, .we, .they, .groupNouns].map { text($0) },
                rows: instruments.positioning.map { entry in
                    [
                        entry.group, entry.theme, "\(entry.words)", numbers.rate(entry.firstPersonPluralPer1000),
                        numbers.rate(entry.thirdPersonPluralPer1000), numbers.rate(entry.groupNounsPer1000),
                    ]
                }))
        return blocks
    }

    /// A silence in words, the theme's label in italics.
    static func describe(_ silence: ThemeReport.Silence, report: ThemeReport, language text: ReportLanguage) -> [Run] {
        let label = report.themes.first { $0.id == silence.theme }?.label ?? silence.theme
        let group = silence.group ?? "?"
        // The label goes in as a marker, then the sentence is cut there so the label is its own run.
        let marker = "\u{1}"
        let sentence =
            switch silence.kind {
            case .themeNotRaised: text(.themeNotRaised, marker)
            case .themeNotRaisedByGroup: text(.themeNotRaisedByGroup, marker, group)
            case .termsNeverUsed: text(.termsNeverUsed, group, marker, (silence.terms ?? []).joined(separator: ", "))
            case .participantsSilentOnTheme: text(.participantsSilentOnTheme, "\(silence.count ?? 0)", "\(silence.of ?? 0)", group, marker)
            }
        let pieces = sentence.components(separatedBy: marker)
        var runs: [Run] = []
        for (index, piece) in pieces.enumerated() {
            if index > 0 { runs.append(Run(text: label, italic: true)) }
            if !piece.isEmpty { runs.append(Run(text: piece)) }
        }
        return runs
    }
}
