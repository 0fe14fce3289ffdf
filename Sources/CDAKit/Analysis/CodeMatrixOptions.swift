/// Choices for a code matrix (`cda matrix`, `cda report --matrix`).
public struct CodeMatrixOptions: Sendable, Hashable {
    /// Codes or themes as rows.
    public var rows: CodeMatrix.RowKind
    /// Groups, documents or speakers as columns.
    public var columns: CodeMatrix.ColumnKind
    /// The attribute groups are formed by.
    public var by: String
    /// Which round's codings.
    public var round: RoundChoice
    /// Whether moderators' and observers' talk counts.
    public var includeModerators: Bool
    /// Whether speakers appear as `P01`, `P02`, … (the default) rather than their transcript labels.
    public var pseudonymize: Bool

    /// Creates options; speakers are pseudonymised and moderators left out unless asked otherwise.
    public init(
        rows: CodeMatrix.RowKind = .codes, columns: CodeMatrix.ColumnKind = .groups, by: String = "group", round: RoundChoice = .latest,
        includeModerators: Bool = false, pseudonymize: Bool = true
    ) {
        self.rows = rows
        self.columns = columns
        self.by = by
        self.round = round
        self.includeModerators = includeModerators
        self.pseudonymize = pseudonymize
    }
}
