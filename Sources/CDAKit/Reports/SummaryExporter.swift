import Foundation

/// The theme summaries deliverable: per theme and group, the analyst's memo with the key figures.
public enum SummaryExporter {
    /// The formats of `cda export summaries`.
    public enum Format: String, Sendable, CaseIterable {
        /// Markdown.
        case markdown = "md"
        /// CSV, one row per theme × group.
        case csv
    }

    /// Renders the summaries of a computed report.
    public static func render(_ report: ThemeReport, format: Format) -> String {
        switch format {
        case .csv:
            var rows = [
                ["theme", "label", "group", "fragments", "words", "share_of_words", "participants", "share_of_participants", "summary"]
            ]
            for theme in report.themes {
                for group in report.groups {
                    guard let cell = theme.groups[group.name] else { continue }
                    rows.append([
                        theme.id, theme.label, group.name, "\(cell.fragments)", "\(cell.words)", "\(cell.shareOfWords)",
                        "\(cell.participants)", "\(cell.shareOfParticipants)", cell.summary ?? "",
                    ])
                }
            }
            return CSVReportRenderer.csv(rows)
        case .markdown:
            var out = [
                "# Theme summaries: \(report.project)", "", "Round \(report.round) · groups by `\(report.by)` · privacy: \(report.privacy)",
            ]
            for theme in report.themes {
                out += ["", "## \(theme.label) (`\(theme.id)`)"]
                for group in report.groups {
                    guard let cell = theme.groups[group.name] else { continue }
                    out += [
                        "", "### \(group.name)", "",
                        "\(cell.fragments) fragment(s), \(cell.words) words (\(ReportNumbers.percent(cell.shareOfWords)) of the group's words), \(ReportNumbers.count(cell.participants, of: group.participants)) participants.",
                        "",
                        cell.summary?.trimmingCharacters(in: .whitespacesAndNewlines)
                            ?? "_No summary written yet (cda memo set --theme \(theme.id) --group \(group.name) TEXT)._",
                    ]
                }
            }
            return out.joined(separator: "\n") + "\n"
        }
    }
}
