/// Codes or themes against groups, documents or speakers: per cell the fragments and the words
/// of one row spoken in one column. One computed model; the table formats only print it.
///
/// JSON keys are a contract (see README); `total` is not the sum of the cells, because a fragment
/// that spans two speakers counts once for each of them and once in the total.
public struct CodeMatrix: Sendable, Codable, Hashable {
    /// What the rows are.
    public enum RowKind: String, Sendable, Codable, Hashable, CaseIterable {
        /// Active codes with codings in the round, by name.
        case codes
        /// The codebook's themes, in codebook order.
        case themes
    }

    /// What the columns are.
    public enum ColumnKind: String, Sendable, Codable, Hashable, CaseIterable {
        /// The values of the grouping attribute, by name.
        case groups
        /// Every document, in ingest order.
        case documents
        /// Every counted speaker, by shown name.
        case speakers
    }

    /// One column.
    public struct Column: Sendable, Codable, Hashable {
        /// The group, the document id or the speaker's shown name (a pseudonym unless asked otherwise).
        public var name: String
        /// For a speaker, the group they belong to, if any.
        public var group: String?

        /// Creates a column.
        public init(name: String, group: String? = nil) {
            self.name = name
            self.group = group
        }
    }

    /// The figures of one cell.
    public struct Cell: Sendable, Codable, Hashable {
        /// Distinct fragments of the row with counted talk in the column.
        public var fragments: Int
        /// Distinct words of the column's counted talk covered by the union of the row's fragments.
        public var words: Int

        /// Creates a cell.
        public init(fragments: Int, words: Int) {
            self.fragments = fragments
            self.words = words
        }
    }

    /// One row: a code or a theme.
    public struct Row: Sendable, Codable, Hashable {
        /// The code's name or the theme's id.
        public var id: String
        /// The code's name or the theme's label.
        public var label: String
        /// The cells, in column order.
        public var cells: [Cell]
        /// Distinct fragments and words of the row over all columns.
        public var total: Cell

        /// Creates a row.
        public init(id: String, label: String, cells: [Cell], total: Cell) {
            self.id = id
            self.label = label
            self.cells = cells
            self.total = total
        }
    }

    /// The round the figures use.
    public var round: Int
    /// `codes` or `themes`.
    public var rowKind: RowKind
    /// `groups`, `documents` or `speakers`.
    public var columnKind: ColumnKind
    /// The attribute groups are formed by.
    public var by: String
    /// Whether moderators' and observers' talk was counted.
    public var includesModerators: Bool
    /// Whether speakers appear as `P01`, `P02`, … rather than their transcript labels.
    public var pseudonymized: Bool
    /// The columns, in order.
    public var columns: [Column]
    /// The rows, in order.
    public var rows: [Row]

    /// Creates a matrix.
    public init(
        round: Int, rowKind: RowKind, columnKind: ColumnKind, by: String, includesModerators: Bool, pseudonymized: Bool,
        columns: [Column], rows: [Row]
    ) {
        self.round = round
        self.rowKind = rowKind
        self.columnKind = columnKind
        self.by = by
        self.includesModerators = includesModerators
        self.pseudonymized = pseudonymized
        self.columns = columns
        self.rows = rows
    }

    /// How the cells are defined, for reports and README.
    public static let definitionText =
        "Rows are codes or themes, columns groups, documents or speakers. A cell holds the distinct fragments of the row with at least one covered code point in the column's counted talk (a fragment spanning two speakers counts for both), and the distinct words of that talk covered by the union of the row's fragments. Moderators and observers are left out unless included; speakers appear as P01, P02, … (in id order) unless their labels are asked for. total counts each fragment and word once."

    enum CodingKeys: String, CodingKey {
        case round, by, pseudonymized, columns, rows
        case rowKind = "row_kind"
        case columnKind = "column_kind"
        case includesModerators = "includes_moderators"
    }
}
