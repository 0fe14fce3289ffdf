import Foundation

extension HTMLReportRenderer {
    /// The report's code matrix section: the shaded table of fragments per cell.
    func matrixSection(_ matrix: CodeMatrix, colors: [String: String] = [:]) -> String {
        let (header, rows) = matrix.table(count: .fragments, language: language)
        return "<section id=\"matrix\"><h2>\(escape(matrix.title(language)))</h2>"
            + "<p class=\"meta\">\(escape(matrix.caption(count: .fragments, language: language)))</p>"
            + shadedTable(
                header: header, rows: rows, values: matrix.values(.fragments), colors: matrix.rowKind == .codes ? colors : [:])
            + "</section>"
    }

    /// The report's co-occurrence section: the heat map and the occurring pairs.
    func coOccurrenceSection(_ cooccurrence: CoOccurrence) -> String {
        let (header, rows) = cooccurrence.table(language: language)
        return "<section id=\"cooccurrence\"><h2>\(escape(cooccurrence.title(language)))</h2>"
            + "<p class=\"meta\">\(escape(cooccurrence.caption(language)))</p>" + coOccurrenceMap(cooccurrence)
            + (rows.isEmpty ? "<p>\(escape(language(.noPairs)))</p>" : table(header, rows)) + "</section>"
    }

    /// A table whose number cells are shaded by their value relative to the largest value of the
    /// cells before the last column (the total is shaded against the largest total).
    ///
    /// - Parameters:
    ///   - rows: Each row's label, then its numbers as text.
    ///   - values: Each row's numbers.
    ///   - colors: Code colours by name, for rows labelled by codes.
    func shadedTable(header: [String], rows: [[String]], values: [[Int]], colors: [String: String] = [:]) -> String {
        let largest = values.flatMap { $0.dropLast() }.max() ?? 0
        let largestTotal = values.compactMap(\.last).max() ?? 0
        var html = "<table class=\"matrix\"><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for (row, numbers) in zip(rows, values) {
            html += "<tr><td>\(chip(row.first.flatMap { colors[$0] }))\(escape(row.first ?? ""))</td>"
            for (index, (cell, value)) in zip(row.dropFirst(), numbers).enumerated() {
                let scale = index == numbers.count - 1 ? largestTotal : largest
                let intensity = scale > 0 ? Double(value) / Double(scale) : 0
                let colour = intensity > 0.55 ? ";color:#fff" : ""
                html +=
                    "<td style=\"background:rgba(78,121,167,\(String(format: "%.3f", value == 0 ? 0 : 0.08 + 0.85 * intensity)))\(colour)\">\(escape(cell))</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// Items × items: each cell shaded by the pair's Jaccard coefficient and showing how often the
    /// two occur together; the diagonal shows each item's own units. Items are numbered on the
    /// columns and named in full, wrapped, on the rows.
    func coOccurrenceMap(_ cooccurrence: CoOccurrence) -> String {
        let items = cooccurrence.items
        let labelWidth = 300
        let cellSize = 44
        let lineHeight = 15
        let labels = items.enumerated().map { Self.wrap("\($0 + 1). \($1.label)", width: 42) }
        let rowHeights = labels.map { max(cellSize, $0.count * lineHeight + 12) }
        let width = labelWidth + cellSize * items.count
        let height = 26 + rowHeights.reduce(0, +)
        var svg =
            "<svg role=\"img\" aria-label=\"\(escape(cooccurrence.title(language)))\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        for column in items.indices {
            svg += "<text x=\"\(labelWidth + column * cellSize + cellSize / 2)\" y=\"18\" text-anchor=\"middle\">\(column + 1)</text>"
        }
        var y = 26
        for (row, item) in items.enumerated() {
            let rowHeight = rowHeights[row]
            svg += lines(labels[row], x: 0, top: y, height: rowHeight, lineHeight: lineHeight)
            for (column, other) in items.enumerated() {
                let x = labelWidth + column * cellSize
                let pair = row == column ? nil : cooccurrence.pair(item.id, other.id)
                let jaccard = pair?.jaccard ?? 0
                let fill =
                    row == column ? "fill=\"#ddd\"" : "fill=\"#e15759\" fill-opacity=\"\(String(format: "%.3f", 0.05 + 0.9 * jaccard))\""
                let shown = row == column ? "\(item.units)" : "\(pair?.together ?? 0)"
                let tip =
                    row == column
                    ? "\(item.label): \(item.units)"
                    : "\(item.label) · \(other.label): \(language(.together)) \(pair?.together ?? 0), \(language(.either)) \(pair?.either ?? 0), \(language(.jaccard)) \(numbers.coefficient(jaccard))"
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellSize - 2)\" height=\"\(rowHeight - 2)\" \(fill)><title>\(escape(tip))</title></rect>"
                svg +=
                    "<text x=\"\(x + cellSize / 2)\" y=\"\(y + rowHeight / 2 + 4)\" text-anchor=\"middle\"\(jaccard > 0.55 ? " style=\"fill:#fff\"" : "")>\(shown)</text>"
            }
            y += rowHeight
        }
        return svg + "</svg>"
    }
}
