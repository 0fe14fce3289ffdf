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
        kind: HistoryEntry.Kind, summary: String, reason: String?, actor: String, scope: HistoryScope, _ db: Database,
        body: (Database, inout HistoryScope) throws -> Void
    ) throws -> HistoryEntry {
        var scope = scope
        let before = try scope.capture(db)
        try body(db, &scope)
        let after = try scope.capture(db)
        let snapshot = StepSnapshot(scope: scope, before: before, after: after)
        let data = try JSONEncoder().encode(snapshot)
        let at = Timestamp.now()
        try db.execute(
            sql: """
                INSERT INTO history(kind, summary, reason, actor, at, details, snapshot) VALUES (?, ?, ?, ?, ?, '{}', ?)
                """, arguments: [kind.rawValue, summary, reason, actor, at, data])
        return HistoryEntry(id: db.lastInsertedRowID, kind: kind, summary: summary, reason: reason, actor: actor, at: at)
    }

    /// Reverts the most recent step that is not undone yet, restoring the rows it touched exactly.
    ///
    /// Steps are undone latest first. A caller that showed the analyst one step (a message's
    /// *Undo*, the history's button) names it, so that a step recorded since — by a colleague in a
    /// terminal, or in another tab — is never undone in its place.
    ///
    /// - Parameter expected: The id of the step to undo; it must be the latest step not undone.
    ///   `nil` undoes whatever step is latest.
    /// - Returns: The step that was undone.
    /// - Throws: `CodingError.nothingToUndo`; `.unknownStep`, `.stepAlreadyUndone` or
    ///   `.stepNotLatest` when `expected` is not the latest step; `.undoConflict` when the rows
    ///   changed since the step.
    public func undo(step expected: Int64? = nil) throws -> HistoryEntry {
        try write { db in
            let latest = try Row.fetchOne(db, sql: "SELECT * FROM history WHERE undoneAt IS NULL ORDER BY id DESC LIMIT 1")
            let latestID: Int64? = latest?["id"]
            if let expected, latestID != expected {
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM history WHERE id = ?", arguments: [expected]) else {
                    throw CodingError.unknownStep(expected)
                }
                let wanted = try Self.historyEntry(from: row)
                if wanted.undoneAt != nil { throw CodingError.stepAlreadyUndone(id: wanted.id, summary: wanted.summary) }
                let later = try latest.map(Self.historyEntry(from:))
                throw CodingError.stepNotLatest(
                    id: wanted.id, summary: wanted.summary, latestID: later?.id ?? 0, latestSummary: later?.summary ?? "",
                    latestActor: later?.actor ?? "")
            }
            guard let row = latest else { throw CodingError.nothingToUndo }
            var entry = try Self.historyEntry(from: row)
            let snapshot = try JSONDecoder().decode(StepSnapshot.self, from: row["snapshot"] as Data)
            var current = try snapshot.scope.capture(db)
            // A step recorded before time-span codings existed neither checks nor restores them.
            if snapshot.after.timeSpanCodings == nil { current.timeSpanCodings = nil }
            guard current == snapshot.after else { throw CodingError.undoConflict(step: entry.summary) }
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
            try Row.fetchAll(db, sql: "SELECT id, kind, summary, reason, actor, at, undoneAt FROM history ORDER BY id").map {
                try Self.historyEntry(from: $0)
            }
        }
    }

    /// - Throws: `SQLITE_CORRUPT` for a step of a kind this version does not know.
    static func historyEntry(from row: Row) throws -> HistoryEntry {
        guard let kind = HistoryEntry.Kind(rawValue: row["kind"]) else {
            throw DatabaseError(
                resultCode: .SQLITE_CORRUPT, message: "history step \(row["id"] as Int64) has an unknown kind '\(row["kind"] as String)'")
        }
        return HistoryEntry(
            id: row["id"], kind: kind, summary: row["summary"], reason: row["reason"], actor: row["actor"], at: row["at"],
            undoneAt: row["undoneAt"])
    }
}
