import Foundation
internal import GRDB

extension ProjectStore {
    /// Creates a project with only the migrations up to `migration` applied (to test upgrades).
    static func createLegacy(at path: String, upTo migration: String, then sql: String? = nil) throws {
        guard AtomicFile.createOwnerOnly(atPath: path) else {
            throw StoreError.database(path: path, message: "cannot create the file")
        }
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA application_id = \(ProjectSchema.applicationID)")
        }
        try ProjectSchema.migrator.migrate(queue, upTo: migration)
        if let sql { try queue.write { db in try db.execute(sql: sql) } }
    }

    /// An utterance's words as its token-index row holds them: each word's form and span.
    func indexedWordsForTesting(_ document: String, _ index: Int) throws -> [String] {
        try read { db in
            let forms = try String.fetchAll(db, sql: "SELECT form FROM vocabulary ORDER BY id")
            guard let blob = try Data.fetchOne(db, sql: "SELECT tokens FROM tokenIndex WHERE documentId = ?", arguments: [document])
            else { return [] }
            return try TokenBlob.Document(Array(blob)).tokens(ofUtterance: index - 1).map {
                "\(forms[Int($0.word) - 1])@\($0.start)-\($0.end)"
            }
        }
    }

    /// A document's token-index blob as stored.
    func tokenRowForTesting(_ document: String) throws -> Data? {
        try read { db in try Data.fetchOne(db, sql: "SELECT tokens FROM tokenIndex WHERE documentId = ?", arguments: [document]) }
    }

    /// Marks a migration this version does not know as applied (to test refusing newer projects).
    func markAppliedMigration(_ identifier: String) throws {
        try write { db in try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES (?)", arguments: [identifier]) }
    }

    /// Runs raw SQL, to damage a project on purpose in tests of `check`.
    func executeForTesting(_ sql: String) throws {
        try database.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    /// Rewrites a history step's stored snapshot (JSON), to test reading steps older versions wrote.
    func rewriteSnapshotForTesting(_ step: Int64, _ change: (Data) throws -> Data) throws {
        try write { db in
            guard let data = try Data.fetchOne(db, sql: "SELECT snapshot FROM history WHERE id = ?", arguments: [step]) else { return }
            try db.execute(sql: "UPDATE history SET snapshot = ? WHERE id = ?", arguments: [try change(data), step])
        }
    }
}
