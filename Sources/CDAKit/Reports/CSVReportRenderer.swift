import Foundation

/// `themes.csv` (one row per theme × group) and `codes.csv` (one row per code × theme × group), with
/// `matrix.csv` and `cooccurrence.csv` when the report has them.
public struct CSVReportRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// Renders both CSV files.
    public func render(_ report: ThemeReport) throws -> [(name: String, content: String)] {
        var themes = [
            [
                "theme", "label", "group", "fragments", "words", "share_of_words", "participants", "share_of_participants",
                "documents", "group_words", "group_participants", "log_likelihood", "log_ratio", "raised_more_by", "seconds",
                "group_coded_seconds",
            ]
        ]
        var codes = [["theme", "group", "code", "fragments"]]
        for theme in report.themes {
            for group in report.groups {
                guard let cell = theme.groups[group.name] else { continue }
                themes.append([
                    theme.id, theme.label, group.name, "\(cell.fragments)", "\(cell.words)", "\(cell.shareOfWords)",
                    "\(cell.participants)", "\(cell.shareOfParticipants)", "\(cell.documents)", "\(group.words)",
                    "\(group.participants)", theme.comparison.map { "\($0.logLikelihood)" } ?? "",
                    theme.comparison?.logRatio.map { "\($0)" } ?? "", theme.comparison?.raisedMoreBy ?? "", "\(cell.seconds)",
                    "\(group.codedSeconds)",
                ])
                for code in cell.codes { codes.append([theme.id, group.name, code.code, "\(code.fragments)"]) }
            }
        }
        return [("themes.csv", Self.csv(themes)), ("codes.csv", Self.csv(codes))] + (report.dynamics.map(Self.dynamicsFiles) ?? [])
            + (report.matrix.map { [("matrix.csv", Self.csv($0.document().csv))] } ?? [])
            + (report.cooccurrence.map { [("cooccurrence.csv", Self.csv($0.document().csv))] } ?? [])
    }

    /// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled; CRLF line ends.
    static func csv(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }
}
