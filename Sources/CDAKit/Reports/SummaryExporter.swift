public import Foundation

/// The theme summaries deliverable: per theme and group, the analyst's memo with the key figures.
public enum SummaryExporter {
    /// The formats of `cda export summaries`.
    public enum Format: String, Sendable, CaseIterable {
        /// Markdown.
        case markdown = "md"
        /// CSV, one row per theme × group.
        case csv
        /// A Word document.
        case docx
        /// An OpenDocument text.
        case odt

        /// The format names for messages: `md, csv, docx or odt`.
        public static let names = allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + (allCases.last?.rawValue ?? "")

        /// Whether the format is a binary package that cannot go to a terminal.
        public var isPackage: Bool { self == .docx || self == .odt }
    }

    /// Renders the summaries of a computed report as text (Markdown or CSV); Word and
    /// OpenDocument are packages, see `data(_:format:language:)`.
    public static func render(_ report: ThemeReport, format: Format, language: ReportLanguage = .english) -> String {
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
        case .markdown, .docx, .odt:
            let text = language
            var out = [
                "# " + text(.summariesTitle, report.project), "",
                text(.summariesCaption, "\(report.round)", "`\(report.by)`", ReportDocument.privacy(report.privacy, language)),
            ]
            for theme in report.themes {
                out += ["", "## \(theme.label) (`\(theme.id)`)"]
                for group in report.groups {
                    guard let cell = theme.groups[group.name] else { continue }
                    out += [
                        "", "### \(group.name)", "", figures(cell, group: group, language: language), "",
                        cell.summary?.trimmingCharacters(in: .whitespacesAndNewlines)
                            ?? "_" + text(.noSummary, theme.id, group.name) + "_",
                    ]
                }
            }
            return out.joined(separator: "\n") + "\n"
        }
    }

    /// The summaries as a file: UTF-8 text for Markdown and CSV, a package for Word and OpenDocument.
    ///
    /// - Throws: `ExchangeError` when a package cannot be built.
    public static func data(_ report: ThemeReport, format: Format, language: ReportLanguage = .english) throws -> Data {
        switch format {
        case .markdown, .csv: return Data(render(report, format: format, language: language).utf8)
        case .docx:
            let entries = DOCXReportRenderer.parts(document(report, language: language)).map {
                ZipPackage.Entry(path: $0.name, data: Data($0.content.utf8))
            }
            return try ZipPackage.data(entries, name: "summaries.docx")
        case .odt:
            let entries = ODTReportRenderer.parts(document(report, language: language)).map {
                ZipPackage.Entry(path: $0.name, data: Data($0.content.utf8), stored: $0.name == "mimetype")
            }
            return try ZipPackage.data(entries, name: "summaries.odt")
        }
    }

    /// `3 fragment(s), 41 words (12.7% of the group's words), 2 of 4 participants.`
    static func figures(_ cell: ThemeReport.Cell, group: ThemeReport.Group, language: ReportLanguage) -> String {
        let numbers = ReportNumbers.Formatter(language: language)
        return language(
            .summaryFigures, "\(cell.fragments)", "\(cell.words)", numbers.percent(cell.shareOfWords),
            numbers.count(cell.participants, of: group.participants))
    }

    /// The summaries as a word-processor document: per theme a heading, per group a heading, the
    /// figures and the memo.
    static func document(_ report: ThemeReport, language text: ReportLanguage) -> ReportDocument {
        let title = text(.summariesTitle, report.project)
        var blocks: [ReportDocument.Block] = [
            .title(title),
            .paragraph([.init(text: text(.summariesCaption, "\(report.round)", report.by, ReportDocument.privacy(report.privacy, text)))]),
        ]
        for theme in report.themes {
            blocks.append(.heading(ReportDocument.themeHeading(theme), level: 1))
            for group in report.groups {
                guard let cell = theme.groups[group.name] else { continue }
                blocks.append(.heading(group.name, level: 2))
                blocks.append(.paragraph([.init(text: figures(cell, group: group, language: text))]))
                if let summary = cell.summary?.trimmingCharacters(in: .whitespacesAndNewlines) {
                    blocks.append(.paragraph([.init(text: summary)]))
                } else {
                    blocks.append(.paragraph([.init(text: text(.noSummary, theme.id, group.name), italic: true)]))
                }
            }
        }
        return ReportDocument(title: title, blocks: blocks)
    }
}
