import Foundation
internal import GRDB

extension ProjectStore {
    /// Runs one consolidation step and records it with the rows it touched, so that `undo` can
    /// restore them exactly.
    ///
    /// - Parameters:
    ///   - scope: The rows the step may touch; `body` may add codes it creates.
    ///   - body: The change itself.
    @discardableResult
    static func recordStep(
        kind: String, summary: String, reason: String?, actor: String, scope: HistoryScope, _ db: Database,
        body: (Database, inout HistoryScope) throws -> Void
    ) throws -> HistoryEntry {
        var scope = scope
        let before = try scope.capture(db)
        try body(db, &scope)
        let after = try scope.capture(db)
        let snapshot = StepSnapshot(scope: scope, before: before, after: after)
        let data = try JSONEncoder().encode(snapshot)
        let at = Timestamp.now()
        try db.execute(sql: """
            INSERT INTO history(kind, summary, reason, actor, at, details, snapshot) VALUES (?, ?, ?, ?, ?, '{}', ?)
            """, arguments: [kind, summary, reason, actor, at, data])
        return HistoryEntry(id: db.lastInsertedRowID, kind: kind, summary: summary, reason: reason, actor: actor, at: at)
    }

    /// Reverts the most recent step that is not undone yet, restoring the rows it touched exactly.
    ///
    /// - Returns: The step that was undone.
    /// - Throws: `CodingError.nothingToUndo`, or `.undoConflict` when the rows changed since the step.
    public func undo() throws -> HistoryEntry {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM history WHERE undoneAt IS NULL ORDER BY id DESC LIMIT 1") else {
                throw CodingError.nothingToUndo
            }
            var entry = Self.historyEntry(from: row)
            let snapshot = try JSONDecoder().decode(StepSnapshot.self, from: row["snapshot"] as Data)
            guard try snapshot.scope.capture(db) == snapshot.after else { throw CodingError.undoConflict(step: entry.summary) }
            try snapshot.scope.restore(snapshot.before, db)
            let at = Timestamp.now()
            try db.execute(sql: "UPDATE history SET undoneAt = ? WHERE id = ?", arguments: [at, entry.id])
            entry.undoneAt = at
            return entry
        }
    }

    /// Every recorded step, oldest first, including undone ones.
    public func history() throws -> [HistoryEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, kind, summary, reason, actor, at, undoneAt FROM history ORDER BY id").map(Self.historyEntry(from:))
        }
    }

    static func historyEntry(from row: Row) -> HistoryEntry {
        HistoryEntry(id: row["id"], kind: row["kind"], summary: row["summary"], reason: row["reason"], actor: row["actor"], at: row["at"], undoneAt: row["undoneAt"])
    }
}
