import Foundation
internal import GRDB
internal import GRDBSQLite

/// Steps through the rows of one query and reads their columns straight from SQLite.
///
/// Loading a million codings through GRDB's `Row` checked each column's type and boxed each value,
/// which took longer than SQLite's own work; analyses that read every coding read them this way.
/// Columns are numbered from zero, in the order the query selects them.
struct RawRows {
    private let statement: Statement
    private let connection: SQLiteConnection?
    private let sql: String

    /// Prepares `sql` with its arguments.
    ///
    /// - Throws: `DatabaseError` when SQLite cannot prepare it.
    init(_ db: Database, sql: String, arguments: StatementArguments = []) throws {
        statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        connection = db.sqliteConnection
        self.sql = sql
    }

    /// Moves to the next row.
    ///
    /// - Returns: `false` after the last row.
    /// - Throws: `DatabaseError` when SQLite fails to read the row.
    func next() throws -> Bool {
        switch sqlite3_step(statement.sqliteStatement) {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
    }

    /// An integer column (0 when NULL).
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement.sqliteStatement, column)) }

    /// An integer column that may be NULL.
    func optionalInt(_ column: Int32) -> Int? {
        sqlite3_column_type(statement.sqliteStatement, column) == SQLITE_NULL ? nil : int(column)
    }

    /// A text column that may be NULL, reusing `previous` as `text(_:reusing:)` does.
    func optionalText(_ column: Int32, reusing previous: String? = nil) -> String? {
        sqlite3_column_type(statement.sqliteStatement, column) == SQLITE_NULL ? nil : text(column, reusing: previous ?? "")
    }

    /// A text column (empty when NULL), returning `previous` itself when the text is the same, so
    /// a value repeated row after row (a document id, a coder) is not built again.
    func text(_ column: Int32, reusing previous: String) -> String {
        let handle = statement.sqliteStatement
        // The text first, then its length: SQLite's documented order.
        guard let start = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        let bytes = UnsafeBufferPointer(start: start, count: count)
        var previous = previous
        let same = previous.withUTF8 { $0.count == count && $0.baseAddress.map { memcmp($0, start, count) == 0 } ?? false }
        return same ? previous : String(decoding: bytes, as: UTF8.self)
    }
}
