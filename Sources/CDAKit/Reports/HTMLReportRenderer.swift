import Foundation

/// `report.html`: a self-contained page (inline CSS and SVG charts, no scripts, no network).
public struct HTMLReportRenderer: ReportRenderer {
    /// The language of labels, headings, definitions, numbers and the page's `lang`.
    public var language: ReportLanguage

    /// Creates the renderer.
    public init(language: ReportLanguage = .english) { self.language = language }

    /// Renders `report.html`.
    public func render(_ report: ThemeReport) throws -> [(name: String, content: String)] {
        [("report.html", html(report))]
    }

    static let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948", "#9c755f"]

    var numbers: ReportNumbers.Formatter { ReportNumbers.Formatter(language: language) }

    func html(_ report: ThemeReport) -> String {
        let text = language
        let names = report.groups.map(\.name)
        var body = ""
        body += "<header><h1>\(escape(text(.title, report.project)))</h1>"
        body +=
            "<p class=\"meta\">"
            + escape(
                text(
                    .generated, report.generatedBy, "\(report.round)", report.by,
                    text(report.includesModerators ? .moderatorsIncluded : .moderatorsExcluded),
                    ReportDocument.privacy(report.privacy, language))) + "</p></header>"
        body +=
            "<section><h2>\(escape(text(.groups)))</h2>"
            + table(ReportDocument.groupHeader(report, language: language), ReportDocument.groupRows(report, language: language))
            + "</section>"
        body +=
            "<section><h2>\(escape(text(.overview)))</h2>" + heatMap(report)
            + table(
                [text(.theme)] + names + [text(.logLikelihood), text(.logRatio), text(.raisedMoreBy)],
                report.themes.map { theme in
                    [theme.label] + names.map { numbers.percent(theme.groups[$0]?.shareOfWords ?? 0) }
                        + [
                            numbers.statistic(theme.comparison?.logLikelihood), numbers.statistic(theme.comparison?.logRatio),
                            theme.comparison?.raisedMoreBy ?? "–",
                        ]
                }) + "</section>"
        for theme in report.themes { body += themeSection(theme, report: report) }
        if let instruments = report.instruments {
            body +=
                "<section><h2>\(escape(text(.keywords)))</h2>"
                + table(
                    [text(.group), text(.keywordsG2)],
                    names.map { group in
                        [
                            group,
                            (instruments.keywords[group] ?? []).map { "\($0.item) (\(numbers.statistic($0.logLikelihood)))" }.joined(
                                separator: ", "),
                        ]
                    }) + "</section>"
            body +=
                "<section><h2>\(escape(text(.positioning)))</h2>"
                + table(
                    [.group, .theme, .words, .we, .they, .groupNouns].map { text($0) },
                    instruments.positioning.map {
                        [
                            $0.group, $0.theme, "\($0.words)", numbers.rate($0.firstPersonPluralPer1000),
                            numbers.rate($0.thirdPersonPluralPer1000), numbers.rate($0.groupNounsPer1000),
                        ]
                    }) + "</section>"
        }
        if let matrix = report.matrix { body += matrixSection(matrix, colors: report.codeColors) }
        if let cooccurrence = report.cooccurrence { body += coOccurrenceSection(cooccurrence) }
        if let dynamics = report.dynamics { body += dynamicsSection(dynamics) }
        body +=
            "<section><h2>\(escape(text(.silences)))</h2><ul>"
            + report.silences.map {
                "<li>" + ReportDocument.describe($0, report: report, language: language).map(\.text).map(escape).joined() + "</li>"
            }.joined() + "</ul></section>"
        body +=
            "<section><h2>\(escape(text(.definitions)))</h2><dl>"
            + report.definitions.sorted { $0.key < $1.key }.map {
                "<dt>\(escape($0.key))</dt><dd>\(escape(language.definition($0.key, english: $0.value)))</dd>"
            }.joined() + "</dl></section>"
        return page(title: text(.title, report.project), body: body)
    }

    /// One theme: its description, bar chart, figures, codes, summaries and quotes.
    private func themeSection(_ theme: ThemeReport.Theme, report: ThemeReport) -> String {
        let text = language
        let names = report.groups.map(\.name)
        let cells = names.map { theme.groups[$0] }
        var body =
            "<section class=\"theme\" id=\"theme-\(escape(theme.id))\"><h2>\(escape(theme.label)) <small>\(escape(theme.id))</small></h2>"
        if !theme.description.isEmpty { body += "<p>\(escape(theme.description))</p>" }
        body += barChart(theme: theme, report: report)
        body += table([""] + names, ReportDocument.figureRows(theme, report: report, language: text))
        let codeNames = Set(cells.flatMap { $0?.codes.map(\.code) ?? [] }).sorted()
        if !codeNames.isEmpty {
            body +=
                "<h3>\(escape(text(.codes))) <small>\(escape(text(.fragmentsPerGroup)))</small></h3>"
                + table(
                    [text(.code)] + names,
                    codeNames.map { code in
                        [code] + cells.map { cell in "\(cell?.codes.first { $0.code == code }?.fragments ?? 0)" }
                    }, colors: report.codeColors)
        }
        for (name, cell) in zip(names, cells) {
            if let summary = cell?.summary {
                body += "<h3>\(escape(text(.summaryHeading, name)))</h3><p class=\"summary\">\(escape(summary))</p>"
            }
            if let quotes = cell?.quotes, !quotes.isEmpty {
                body += quotes.map {
                    "<blockquote>\(escape($0.text))<cite>\(escape($0.speaker ?? "?")), \(escape($0.location))\($0.selected ? " · " + escape(text(.selected)) : "")</cite></blockquote>"
                }.joined()
            }
        }
        return body + "</section>"
    }

    /// The page around a body: the document head with its `lang`, the title and the style sheet.
    func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:60rem;margin:2rem auto;padding:0 1rem}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
        h2 small,h3 small{color:#777;font-weight:normal;font-size:.75em}.meta{color:#555}.note{color:#555;font-size:.9em}
        table{border-collapse:collapse;margin:.8rem 0}th,td{border:1px solid #ddd;padding:.25rem .6rem;text-align:right}
        th:first-child,td:first-child{text-align:left}thead th{background:#f4f4f4}
        .summary{background:#f8f8f4;border-left:3px solid #bbb;padding:.5rem .8rem}
        blockquote{margin:.5rem 0;padding:.4rem .8rem;border-left:3px solid #4e79a7;background:#f5f8fb}
        blockquote cite{display:block;color:#666;font-size:.85em;font-style:normal}
        svg text{font:12px system-ui,sans-serif;fill:#333}dt{font-weight:bold}dd{margin:0 0 .5rem 1rem}
        .chip{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.4em;vertical-align:-.05em;border:1px solid #0003}
        </style></head><body>
        \(body)
        </body></html>

        """
    }

    /// A table of text cells; a first cell that names a code in `colors` gains that code's chip.
    func table(_ header: [String], _ rows: [[String]], colors: [String: String] = [:]) -> String {
        "<table><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            + rows.map { row in
                "<tr>"
                    + row.enumerated().map { "<td>\($0 == 0 ? chip(colors[$1]) : "")\(escape($1))</td>" }.joined()
                    + "</tr>"
            }.joined() + "</tbody></table>"
    }

    /// A code's colour as a small square before its name, or nothing when it has none; the colour
    /// is written only in its checked `#rrggbb` form.
    func chip(_ color: String?) -> String {
        guard let color, let checked = try? CodeColor.validated(color) else { return "" }
        return "<span class=\"chip\" style=\"background:\(checked)\"></span>"
    }

    /// Themes × groups, each cell shaded by its share of words relative to the largest share; the
    /// themes' full labels wrap onto as many lines as they need.
    private func heatMap(_ report: ThemeReport) -> String {
        let names = report.groups.map(\.name)
        let maxShare = report.themes.flatMap { theme in names.map { theme.groups[$0]?.shareOfWords ?? 0 } }.max() ?? 0
        let labelWidth = 330
        let cellWidth = 120
        let lineHeight = 15
        let labels = report.themes.map { Self.wrap($0.label, width: 46) }
        let rowHeights = labels.map { max(30, $0.count * lineHeight + 12) }
        let width = labelWidth + cellWidth * names.count
        let height = 30 + rowHeights.reduce(0, +)
        var svg =
            "<svg role=\"img\" aria-label=\"\(escape(language(.heatMapLabel)))\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        for (column, name) in names.enumerated() {
            svg += "<text x=\"\(labelWidth + column * cellWidth + cellWidth / 2)\" y=\"20\" text-anchor=\"middle\">\(escape(name))</text>"
        }
        var y = 30
        for (row, theme) in report.themes.enumerated() {
            let rowHeight = rowHeights[row]
            svg += lines(labels[row], x: 0, top: y, height: rowHeight, lineHeight: lineHeight)
            for (column, name) in names.enumerated() {
                let share = theme.groups[name]?.shareOfWords ?? 0
                let intensity = maxShare > 0 ? share / maxShare : 0
                let x = labelWidth + column * cellWidth
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellWidth - 2)\" height=\"\(rowHeight - 2)\" fill=\"#4e79a7\" fill-opacity=\"\(String(format: "%.3f", 0.08 + 0.85 * intensity))\"/>"
                svg +=
                    "<text x=\"\(x + cellWidth / 2)\" y=\"\(y + rowHeight / 2 + 4)\" text-anchor=\"middle\"\(intensity > 0.55 ? " style=\"fill:#fff\"" : "")>\(numbers.percent(share))</text>"
            }
            y += rowHeight
        }
        return svg + "</svg>"
    }

    /// Lines of text centred vertically in a row that starts at `top` and is `height` high.
    func lines(_ lines: [String], x: Int, top: Int, height: Int, lineHeight: Int) -> String {
        let first = top + (height - lines.count * lineHeight) / 2 + lineHeight - 3
        return "<text x=\"\(x)\" y=\"\(first)\">"
            + lines.enumerated().map { index, line in
                "<tspan x=\"\(x)\" dy=\"\(index == 0 ? 0 : lineHeight)\">\(escape(line))</tspan>"
            }.joined() + "</text>"
    }

    /// `text` broken at spaces into lines of at most `width` characters; a longer word keeps a line of its own.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        return current.isEmpty ? (lines.isEmpty ? [""] : lines) : lines + [current]
    }

    /// Per group two bars: share of words and share of participants.
    private func barChart(theme: ThemeReport.Theme, report: ThemeReport) -> String {
        let names = report.groups.map(\.name)
        let series: [(String, (ThemeReport.Cell?) -> Double)] = [
            (language(.shareOfWords), { $0?.shareOfWords ?? 0 }), (language(.shareOfParticipants), { $0?.shareOfParticipants ?? 0 }),
        ]
        let chartHeight = 160
        let barWidth = 34
        let groupGap = 40
        let left = 50
        let top = 20
        let groupWidth = barWidth * series.count + groupGap
        let width = left + groupWidth * max(names.count, 1) + 160
        let height = top + chartHeight + 40
        var svg =
            "<svg role=\"img\" aria-label=\"\(escape(language(.barChartLabel, theme.label)))\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        for tick in stride(from: 0, through: 100, by: 25) {
            let y = top + chartHeight - chartHeight * tick / 100
            svg += "<line x1=\"\(left)\" x2=\"\(left + groupWidth * names.count)\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"#e3e3e3\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\">\(tick)%</text>"
        }
        for (index, name) in names.enumerated() {
            let cell = theme.groups[name]
            let x0 = left + index * groupWidth + groupGap / 2
            for (position, (label, value)) in series.enumerated() {
                let share = min(max(value(cell), 0), 1)
                let barHeight = Int((Double(chartHeight) * share).rounded())
                let x = x0 + position * barWidth
                svg +=
                    "<rect x=\"\(x)\" y=\"\(top + chartHeight - barHeight)\" width=\"\(barWidth - 4)\" height=\"\(barHeight)\" fill=\"\(Self.palette[position % Self.palette.count])\"><title>\(escape(name)): \(escape(label)) \(numbers.percent(share))</title></rect>"
                svg +=
                    "<text x=\"\(x + (barWidth - 4) / 2)\" y=\"\(top + chartHeight - barHeight - 4)\" text-anchor=\"middle\">\(numbers.percent(share))</text>"
            }
            svg +=
                "<text x=\"\(x0 + barWidth * series.count / 2)\" y=\"\(top + chartHeight + 18)\" text-anchor=\"middle\">\(escape(name))</text>"
        }
        let legendX = left + groupWidth * names.count + 10
        for (position, (label, _)) in series.enumerated() {
            svg +=
                "<rect x=\"\(legendX)\" y=\"\(top + position * 20)\" width=\"12\" height=\"12\" fill=\"\(Self.palette[position])\"/><text x=\"\(legendX + 18)\" y=\"\(top + position * 20 + 11)\">\(escape(label))</text>"
        }
        return svg + "</svg>"
    }

    func escape(_ text: String) -> String {
        MarkupEscaping.escape(text, for: .html)
    }
}
