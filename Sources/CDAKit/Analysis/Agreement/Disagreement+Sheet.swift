extension Disagreement {
    /// The disagreement as a coding-sheet row (columns of `CodingSheet.columns`): the unit's
    /// fragment, the code, the round, `coder` (empty: the importer's default coder), the judgements
    /// as the memo, and the text.
    public func sheetRow(round: Int, coder: String) -> [String] {
        CodingSheet.row(
            fragment, code: code, origin: inVivo ? .inVivo : .analyst, round: round, coder: coder, memo: summary, text: text ?? "")
    }

    /// A coding sheet of disagreements to discuss: comment lines saying how to use it, then the
    /// header and one row per disagreement. Importing the sheet (`cda sheet import`) codes every
    /// row left in it; delete the rows the coders decide against first.
    ///
    /// - Parameters:
    ///   - disagreements: The rows, in order.
    ///   - coders: The coders compared.
    ///   - round: The round compared, and the round of the codings the sheet adds.
    ///   - coder: The coder column (a consensus coder), or empty to let the importer's coder apply.
    public static func sheet(_ disagreements: [Disagreement], coders: [String], round: Int, coder: String = "") -> String {
        let names = coders.count <= 1 ? coders.joined() : coders.dropLast().joined(separator: ", ") + " and " + coders.last!
        let comments = [
            "# Where \(names) differ in round \(round): one row per unit and code; the memo gives each coder's judgement.",
            "# Keep the rows to code, delete the others, then 'cda sheet import' this file"
                + (coder.isEmpty ? " (with --coder NAME, or fill in the coder column)." : " to add them under '\(coder)'."),
        ]
        return comments.joined(separator: "\n") + "\n" + CodingSheet.render(disagreements.map { $0.sheetRow(round: round, coder: coder) })
    }
}
