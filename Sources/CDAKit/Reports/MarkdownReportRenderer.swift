import Foundation

/// `report.md`: the report for people, in Markdown tables.
public struct MarkdownReportRenderer: ReportRenderer {
    /// The language of labels, headings, definitions and numbers.
    public var language: ReportLanguage

    /// Creates the renderer.
    public init(language: ReportLanguage = .english) { self.language = language }

    /// Renders `report.md`.
    public func render(_ report: ThemeReport) throws -> [(name: String, content: String)] {
        [("report.md", markdown(report))]
    }

    func markdown(_ report: ThemeReport) -> String {
        var out: [String] = []
        let text = language
        let numbers = ReportNumbers.Formatter(language: language)
        let names = report.groups.map(\.name)
        out.append("# " + text(.title, report.project))
        out.append("")
        out.append(
            text(
                .generated, report.generatedBy, "\(report.round)", "`\(report.by)`",
                text(report.includesModerators ? .moderatorsIncluded : .moderatorsExcluded),
                ReportDocument.privacy(report.privacy, language)))
        out.append("")
        out.append("## " + text(.groups))
        out.append("")
        let groupHeader = ReportDocument.groupHeader(report, language: language)
        out.append(row(groupHeader))
        out.append(row(Array(repeating: "---", count: groupHeader.count)))
        for groupRow in ReportDocument.groupRows(report, language: language) { out.append(row(groupRow)) }
        out.append("")
        out.append("## " + text(.overview))
        out.append("")
        out.append(row([text(.theme)] + names + [text(.logLikelihood), text(.logRatio), text(.raisedMoreBy)]))
        out.append(row(Array(repeating: "---", count: names.count + 4)))
        for theme in report.themes {
            out.append(
                row(
                    [theme.label] + names.map { numbers.percent(theme.groups[$0]?.shareOfWords ?? 0) }
                        + [
                            numbers.statistic(theme.comparison?.logLikelihood), numbers.statistic(theme.comparison?.logRatio),
                            theme.comparison?.raisedMoreBy ?? "–",
                        ]))
        }
        for theme in report.themes {
            out.append("")
            out.append("## \(theme.label) (`\(theme.id)`)")
            if !theme.description.isEmpty {
                out.append("")
                out.append(theme.description)
            }
            out.append("")
            out.append(row([""] + names))
            out.append(row(Array(repeating: "---", count: names.count + 1)))
            let cells = names.map { theme.groups[$0] }
            for figureRow in ReportDocument.figureRows(theme, report: report, language: language) { out.append(row(figureRow)) }
            let codeNames = Set(cells.flatMap { $0?.codes.map(\.code) ?? [] }).sorted()
            if !codeNames.isEmpty {
                out.append("")
                out.append("**" + text(.codes) + "** " + text(.fragmentsPerGroup))
                out.append("")
                out.append(row([text(.code)] + names))
                out.append(row(Array(repeating: "---", count: names.count + 1)))
                for code in codeNames {
                    out.append(row([code] + cells.map { cell in "\(cell?.codes.first { $0.code == code }?.fragments ?? 0)" }))
                }
            }
            let co = zip(names, cells).compactMap { name, cell -> String? in
                guard let cell, !cell.coThemes.isEmpty else { return nil }
                return "\(name): " + cell.coThemes.map { "\($0.theme) (\($0.fragments))" }.joined(separator: ", ")
            }
            if !co.isEmpty {
                out.append("")
                out.append("**" + text(.coThemes) + "** — " + co.joined(separator: "; "))
            }
            for (name, cell) in zip(names, cells) {
                if let summary = cell?.summary {
                    out.append("")
                    out.append("**" + text(.summary, name) + "** \(summary.trimmingCharacters(in: .whitespacesAndNewlines))")
                }
                for quote in cell?.quotes ?? [] {
                    out.append("")
                    out.append("> \(quote.text) — \(quote.speaker ?? "?"), \(quote.location)\(quote.selected ? " " + text(.selected) : "")")
                }
            }
        }
        if let instruments = report.instruments {
            out.append("")
            out.append("## " + text(.keywords))
            for group in names {
                let entries = instruments.keywords[group] ?? []
                out.append("")
                out.append(
                    "**\(group)**: "
                        + (entries.isEmpty
                            ? text(.none)
                            : entries.map { "\($0.item) (G² \(numbers.statistic($0.logLikelihood)))" }.joined(separator: ", ")))
            }
            out.append("")
            out.append("## " + text(.positioning))
            out.append("")
            out.append(row([.group, .theme, .words, .we, .they, .groupNouns].map { text($0) }))
            out.append(row(Array(repeating: "---", count: 6)))
            for entry in instruments.positioning {
                out.append(
                    row([
                        entry.group, entry.theme, "\(entry.words)", numbers.rate(entry.firstPersonPluralPer1000),
                        numbers.rate(entry.thirdPersonPluralPer1000), numbers.rate(entry.groupNounsPer1000),
                    ]))
            }
        }
        if let matrix = report.matrix {
            out += ["", "## " + matrix.title(text), "", matrix.caption(count: .fragments, language: text), ""]
            let (header, rows) = matrix.table(count: .fragments, language: text)
            out += table(header, rows)
        }
        if let cooccurrence = report.cooccurrence {
            out += ["", "## " + cooccurrence.title(text), "", cooccurrence.caption(text), ""]
            let (header, rows) = cooccurrence.table(language: text)
            out += rows.isEmpty ? [text(.noPairs)] : table(header, rows)
        }
        if let dynamics = report.dynamics { out += dynamicsSection(dynamics) }
        out.append("")
        out.append("## " + text(.silences))
        out.append("")
        if report.silences.isEmpty { out.append(text(.noSilences)) }
        for silence in report.silences { out.append("- " + Self.describe(silence, report: report, language: language)) }
        out.append("")
        out.append("## " + text(.definitions))
        out.append("")
        for (key, english) in report.definitions.sorted(by: { $0.key < $1.key }) {
            out.append("- **\(key)**: \(language.definition(key, english: english))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A silence in words, the theme's label in italics.
    static func describe(_ silence: ThemeReport.Silence, report: ThemeReport, language: ReportLanguage = .english) -> String {
        ReportDocument.describe(silence, report: report, language: language).map { $0.italic ? "*\($0.text)*" : $0.text }.joined()
    }

    /// A Markdown table: the header, the separator line and the rows.
    func table(_ header: [String], _ rows: [[String]]) -> [String] {
        [row(header), row(Array(repeating: "---", count: header.count))] + rows.map(row)
    }

    func row(_ cells: [String]) -> String {
        "| "
            + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ")
            + " |"
    }
}
