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
    init(_ db: Database, sql: String, arguments: StatementArguments) throws {
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
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

/// The rows a consolidation step may touch: some codes with their codings and theme mappings,
/// and some codings by id.
struct HistoryScope: Codable, Equatable {
    var codeIDs: Set<Int64> = []
    var codingIDs: Set<Int64> = []

    private var codeList: String { "[" + codeIDs.sorted().map(String.init).joined(separator: ",") + "]" }
    private var codingList: String { "[" + codingIDs.sorted().map(String.init).joined(separator: ",") + "]" }

    /// The current rows in scope.
    func capture(_ db: Database) throws -> ScopeImage {
        ScopeImage(
            codes: try RowImage(db, sql: "SELECT * FROM code WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id", arguments: [codeList]),
            codings: try RowImage(db, sql: """
                SELECT * FROM coding WHERE codeId IN (SELECT value FROM json_each(?))
                   OR id IN (SELECT value FROM json_each(?)) ORDER BY id
                """, arguments: [codeList, codingList]),
            codeThemes: try RowImage(db, sql: "SELECT * FROM codeTheme WHERE codeId IN (SELECT value FROM json_each(?)) ORDER BY codeId, themeId", arguments: [codeList]))
    }

    /// Deletes the rows in scope and puts `image` back.
    func restore(_ image: ScopeImage, _ db: Database) throws {
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        try db.execute(sql: "DELETE FROM codeTheme WHERE codeId IN (SELECT value FROM json_each(?))", arguments: [codeList])
        try db.execute(sql: """
            DELETE FROM coding WHERE codeId IN (SELECT value FROM json_each(?)) OR id IN (SELECT value FROM json_each(?))
            """, arguments: [codeList, codingList])
        try db.execute(sql: "DELETE FROM code WHERE id IN (SELECT value FROM json_each(?))", arguments: [codeList])
        try image.codes.insert(into: "code", db)
        try image.codings.insert(into: "coding", db)
        try image.codeThemes.insert(into: "codeTheme", db)
        // A code the undo removed gives up its exchange GUID, so a later code reusing its id gets a new one.
        try db.execute(sql: """
            DELETE FROM exchangeGUID WHERE kind = 'code' AND CAST(key AS INTEGER) IN (SELECT value FROM json_each(?))
              AND CAST(key AS INTEGER) NOT IN (SELECT id FROM code)
            """, arguments: [codeList])
    }
}

/// The rows of a scope at one moment.
struct ScopeImage: Codable, Equatable {
    var codes: RowImage
    var codings: RowImage
    var codeThemes: RowImage
}

/// What the history table keeps to reverse a step: the scope, and its rows before and after.
struct StepSnapshot: Codable {
    var scope: HistoryScope
    var before: ScopeImage
    var after: ScopeImage
}
