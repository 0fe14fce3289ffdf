internal import GRDB

/// A JSON-safe copy of table rows, used to record and reverse consolidation steps exactly.
struct RowImage: Codable, Equatable {
    /// A column value.
    enum Value: Codable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)

        init(_ value: DatabaseValue) {
            switch value.storage {
            case .null: self = .null
            case .int64(let number): self = .integer(number)
            case .double(let number): self = .real(number)
            case .string(let text): self = .text(text)
            case .blob(let data): self = .text(String(decoding: data, as: UTF8.self))
            }
        }

        var databaseValue: DatabaseValue {
            switch self {
            case .null: return .null
            case .integer(let number): return number.databaseValue
            case .real(let number): return number.databaseValue
            case .text(let text): return text.databaseValue
            }
        }
    }

    /// Column names, shared by all rows.
    var columns: [String] = []
    /// Rows in primary-key order.
    var rows: [[Value]] = []

    /// Reads the rows a query returns.
    init(_ db: Database, literal: SQL) throws {
        let cursor = try SQLRequest<Row>(literal: literal).fetchCursor(db)
        while let row = try cursor.next() {
            if columns.isEmpty { columns = Array(row.columnNames) }
            rows.append(row.databaseValues.map(Value.init))
        }
    }

    /// Inserts the rows into `table`.
    func insert(into table: String, _ db: Database) throws {
        guard !rows.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try db.makeStatement(
            sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
        for row in rows {
            try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
        }
    }
}

/// The rows a consolidation step may touch: some codes with their codings (of text and of time)
/// and theme mappings, and some codings by id.
struct HistoryScope: Codable, Equatable {
    var codeIDs: Set<Int64> = []
    var codingIDs: Set<Int64> = []
    /// Time-span codings by id (those of `codeIDs` are in scope anyway).
    var timeSpanCodingIDs: Set<Int64> = []
    /// A revised document: its text, codings, versions and the speakers it names (see `DocumentImage`).
    var document: RevisionScope?

    init(codeIDs: Set<Int64> = [], codingIDs: Set<Int64> = [], timeSpanCodingIDs: Set<Int64> = [], document: RevisionScope? = nil) {
        self.codeIDs = codeIDs
        self.codingIDs = codingIDs
        self.timeSpanCodingIDs = timeSpanCodingIDs
        self.document = document
    }

    enum CodingKeys: String, CodingKey {
        case codeIDs, codingIDs, timeSpanCodingIDs, document
    }

    /// Reads a scope; steps recorded before time-span codings existed have no `timeSpanCodingIDs`.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        codeIDs = try container.decode(Set<Int64>.self, forKey: .codeIDs)
        codingIDs = try container.decode(Set<Int64>.self, forKey: .codingIDs)
        timeSpanCodingIDs = try container.decodeIfPresent(Set<Int64>.self, forKey: .timeSpanCodingIDs) ?? []
        document = try container.decodeIfPresent(RevisionScope.self, forKey: .document)
    }

    /// The current rows in scope.
    func capture(_ db: Database) throws -> ScopeImage {
        let codes = codeIDs.sorted()
        let codings = codingIDs.sorted()
        return ScopeImage(
            codes: try RowImage(db, literal: "SELECT * FROM code WHERE id IN \(idsIn: codes) ORDER BY id"),
            codings: try RowImage(
                db,
                literal: """
                    SELECT * FROM coding WHERE codeId IN \(idsIn: codes) OR id IN \(idsIn: codings) ORDER BY id
                    """),
            codeThemes: try RowImage(db, literal: "SELECT * FROM codeTheme WHERE codeId IN \(idsIn: codes) ORDER BY codeId, themeId"),
            document: try document?.capture(db),
            timeSpanCodings: try RowImage(
                db,
                literal: """
                    SELECT * FROM timeSpanCoding WHERE codeId IN \(idsIn: codes) OR id IN \(idsIn: timeSpanCodingIDs.sorted()) ORDER BY id
                    """))
    }

    /// Deletes the rows in scope and puts `image` back.
    func restore(_ image: ScopeImage, _ db: Database) throws {
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        if let document, let documentImage = image.document { try document.restore(documentImage, db) }
        let codes = codeIDs.sorted()
        let codings = codingIDs.sorted()
        try db.execute(literal: "DELETE FROM codeTheme WHERE codeId IN \(idsIn: codes)")
        try db.execute(literal: "DELETE FROM coding WHERE codeId IN \(idsIn: codes) OR id IN \(idsIn: codings)")
        if image.timeSpanCodings != nil {
            try db.execute(
                literal: "DELETE FROM timeSpanCoding WHERE codeId IN \(idsIn: codes) OR id IN \(idsIn: timeSpanCodingIDs.sorted())")
        }
        try db.execute(literal: "DELETE FROM code WHERE id IN \(idsIn: codes)")
        try image.codes.insert(into: "code", db)
        try image.codings.insert(into: "coding", db)
        try image.timeSpanCodings?.insert(into: "timeSpanCoding", db)
        try image.codeThemes.insert(into: "codeTheme", db)
        // A code the undo removed gives up its exchange GUID, so a later code reusing its id gets a new one.
        try db.execute(
            literal: """
                DELETE FROM exchangeGUID WHERE kind = \(ExchangeGUIDKey.Kind.code.rawValue) AND CAST(key AS INTEGER) IN \(idsIn: codes)
                  AND CAST(key AS INTEGER) NOT IN (SELECT id FROM code)
                """)
    }
}

/// The rows of a scope at one moment.
struct ScopeImage: Codable, Equatable {
    var codes: RowImage
    var codings: RowImage
    var codeThemes: RowImage
    var document: DocumentImage?
    /// The time-span codings in scope; `nil` in images recorded before they existed.
    var timeSpanCodings: RowImage?
}

/// What the history table keeps to reverse a step: the scope, and its rows before and after.
struct StepSnapshot: Codable {
    var scope: HistoryScope
    var before: ScopeImage
    var after: ScopeImage
}
