internal import GRDB
internal import GRDBSQLite

/// Inserts one document's utterance rows, binding each value straight to SQLite.
///
/// Ingest stores hundreds of thousands of rows; going through `StatementArguments` boxed every
/// value and copied every string twice, which cost more than SQLite's own work on the row.
struct UtteranceInserter {
    private let statement: Statement
    private let connection: SQLiteConnection?

    static let sql = """
        INSERT INTO utterance(documentId, idx, speakerId, startTime, endTime, section, text,
                              sourceReference, wordCount, length)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Prepares the insert for the utterances of `documentID`.
    init(documentID: String, _ db: Database) throws {
        statement = try db.makeStatement(sql: Self.sql)
        connection = db.sqliteConnection
        bind(documentID, at: 1)
    }

    /// Inserts one utterance with its word and Unicode scalar counts.
    ///
    /// - Throws: `DatabaseError` when SQLite refuses the row.
    func insert(_ utterance: Utterance, words: Int, scalars: Int) throws {
        let handle = statement.sqliteStatement
        sqlite3_bind_int64(handle, 2, Int64(utterance.index))
        bind(utterance.speakerID, at: 3)
        bind(utterance.start, at: 4)
        bind(utterance.end, at: 5)
        bind(utterance.section, at: 6)
        bind(utterance.text, at: 7)
        bind(utterance.sourceReference, at: 8)
        sqlite3_bind_int64(handle, 9, Int64(words))
        sqlite3_bind_int64(handle, 10, Int64(scalars))
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: Self.sql)
        }
        sqlite3_reset(handle)
    }

    private func bind(_ value: Double?, at index: Int32) {
        if let value {
            sqlite3_bind_double(statement.sqliteStatement, index, value)
        } else {
            sqlite3_bind_null(statement.sqliteStatement, index)
        }
    }

    /// Binds text as SQLite copies it (`SQLITE_TRANSIENT`), with its UTF-8 length, so a NUL in
    /// the text cannot cut it short.
    private func bind(_ value: String?, at index: Int32) {
        guard var text = value else {
            sqlite3_bind_null(statement.sqliteStatement, index)
            return
        }
        text.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else {
                // SQLite binds a null pointer as NULL, not as ''.
                _ = sqlite3_bind_text(statement.sqliteStatement, index, "", 0, Self.transient)
                return
            }
            let characters = UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self)
            _ = sqlite3_bind_text(statement.sqliteStatement, index, characters, Int32(bytes.count), Self.transient)
        }
    }

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
