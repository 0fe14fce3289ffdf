import Foundation
internal import GRDB

extension ProjectStore {
    /// The project as it was at a past moment, in a private copy held in memory; the project file
    /// is only read.
    ///
    /// The copy takes back, latest first, every history step recorded after the moment (exactly,
    /// as `undo` does) and puts back every step that was in force then but undone since; it leaves
    /// out codings, quote selections, codes, coding rounds and documents made after it. Memos and
    /// code colours are as they are now (they keep no earlier text). Times have one-second
    /// resolution: what happened in the moment's own second counts as before it.
    ///
    /// - Returns: A store over the copy (reports and analyses read it as any project) and what
    ///   was taken back.
    /// - Throws: `CorpusError.unknownDocument`, `.unknownVersion` for a `DOCUMENT@VERSION`
    ///   the project does not have; `StoreError.database`.
    public func asOf(_ moment: ProjectMoment) throws -> (store: ProjectStore, rollback: ProjectRollback) {
        let point = try resolve(moment)
        let copy: DatabaseQueue
        do {
            copy = try DatabaseQueue(configuration: Self.configuration())
            try database.backup(to: copy)
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
        let store = ProjectStore(path: path, database: copy)
        let rollback = try store.write { db in try Self.rollBack(to: point, db) }
        return (store, rollback)
    }

    /// A moment as a second, and for `DOCUMENT@VERSION` the revision step it stops before.
    private struct Point {
        var time: String
        var beforeStep: Int64?
    }

    private func resolve(_ moment: ProjectMoment) throws -> Point {
        switch moment {
        case .time(let time):
            return Point(time: time)
        case .version(let document, let version):
            let versions = try documentVersions(of: document)
            guard version <= versions.count else {
                throw CorpusError.unknownVersion(document: document, version: version, latest: versions.count)
            }
            guard version < versions.count else { return Point(time: Timestamp.now()) }
            // The revisions in force, oldest first: the n-th made version n + 1.
            let revisions = try read { db in
                try Row.fetchAll(db, sql: "SELECT id, at, snapshot FROM history WHERE kind = 'revision' AND undoneAt IS NULL ORDER BY id")
                    .filter { row in
                        let snapshot = try? JSONDecoder().decode(StepSnapshot.self, from: row["snapshot"] as Data)
                        return snapshot?.scope.document?.documentID == document
                    }
            }
            guard version <= revisions.count else {
                // Versions kept without a step (an older project's): the version's own time.
                return Point(time: versions[version - 1].revisedAt ?? Timestamp.now())
            }
            let step = revisions[version - 1]
            return Point(time: step["at"], beforeStep: step["id"])
        }
    }

    /// A history step to take back (undo) or put back (redo), at the time it happened.
    private struct StepEvent {
        var row: Row
        var redo: Bool
        var time: String { redo ? row["undoneAt"] : row["at"] }
    }

    private static func rollBack(to point: Point, _ db: Database) throws -> ProjectRollback {
        var rollback = ProjectRollback(moment: point.time)
        let codingsBefore = try Self.codingKeys(db)
        let selectionsBefore = Set(try Int64.fetchAll(db, sql: "SELECT id FROM selectedFragment"))
        let firstTakenBack = point.beforeStep ?? Int64.max
        let undo = try Row.fetchAll(
            db, sql: "SELECT * FROM history WHERE undoneAt IS NULL AND (at > ? OR id >= ?)", arguments: [point.time, firstTakenBack]
        ).map { StepEvent(row: $0, redo: false) }
        let redo = try Row.fetchAll(
            db, sql: "SELECT * FROM history WHERE undoneAt > ? AND at <= ? AND id < ?", arguments: [point.time, point.time, firstTakenBack]
        ).map { StepEvent(row: $0, redo: true) }
        let events = (undo + redo).sorted { ($0.time, $0.row["id"] as Int64) > ($1.time, $1.row["id"] as Int64) }
        for event in events {
            // What was made after the step goes first, so that its rows are as the step left them.
            try leaveOutCodings(after: max(event.time, point.time), db)
            let entry = try historyEntry(from: event.row)
            let snapshot = try JSONDecoder().decode(StepSnapshot.self, from: event.row["snapshot"] as Data)
            // No conflict check as `undo` makes: rows in scope that differ from the step's image
            // were made or changed after it, later than the moment, so they are replaced too.
            try snapshot.scope.restore(event.redo ? snapshot.after : snapshot.before, db)
            if event.redo {
                try db.execute(sql: "UPDATE history SET undoneAt = NULL WHERE id = ?", arguments: [entry.id])
                rollback.restoredSteps.append(entry)
            } else {
                try db.execute(sql: "UPDATE history SET undoneAt = ? WHERE id = ?", arguments: [Timestamp.now(), entry.id])
                rollback.undoneSteps.append(entry)
            }
        }
        try leaveOutCodings(after: point.time, db)
        rollback.documentsLeftOut = try leaveOutDocuments(after: point.time, db)
        rollback.roundsLeftOut = try Int.fetchAll(
            db, sql: "SELECT number FROM codingRound WHERE startedAt > ? ORDER BY number", arguments: [point.time])
        try db.execute(sql: "DELETE FROM codingRound WHERE startedAt > ?", arguments: [point.time])
        rollback.codesLeftOut = try leaveOutCodes(after: point.time, db)
        rollback.codingsLeftOut = codingsBefore.subtracting(try Self.codingKeys(db)).count
        rollback.selectionsLeftOut = selectionsBefore.subtracting(try Int64.fetchAll(db, sql: "SELECT id FROM selectedFragment")).count
        return rollback
    }

    /// Removes the codings (of text and of time spans) and quote selections made after `time`.
    private static func leaveOutCodings(after time: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM coding WHERE createdAt > ?", arguments: [time])
        try db.execute(sql: "DELETE FROM timeSpanCoding WHERE createdAt > ?", arguments: [time])
        try db.execute(sql: "DELETE FROM selectedFragment WHERE selectedAt > ?", arguments: [time])
    }

    /// Removes the documents ingested after `time`, with everything that points into them.
    private static func leaveOutDocuments(after time: String, _ db: Database) throws -> [String] {
        let documents = try String.fetchAll(db, sql: "SELECT id FROM document WHERE ingestedAt > ? ORDER BY position", arguments: [time])
        let indexed = try searchIndexReady(db)
        for id in documents {
            if indexed { try unindexForSearch(documentID: id, db) }
            try db.execute(sql: "DELETE FROM coding WHERE documentId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM selectedFragment WHERE documentId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM timeSpanCoding WHERE documentId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
        }
        return documents
    }

    /// Every coding's id, text codings' and time spans' told apart.
    private static func codingKeys(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT 't' || id FROM coding UNION ALL SELECT 's' || id FROM timeSpanCoding"))
    }

    /// Removes the codes made after `time` that no coding, code or mapping in force refers to.
    private static func leaveOutCodes(after time: String, _ db: Database) throws -> Int {
        let unused = """
            SELECT id FROM code WHERE createdAt > ?
              AND id NOT IN (SELECT codeId FROM coding) AND id NOT IN (SELECT codeId FROM timeSpanCoding)
              AND id NOT IN (SELECT parentId FROM code WHERE parentId IS NOT NULL)
              AND id NOT IN (SELECT mergedIntoId FROM code WHERE mergedIntoId IS NOT NULL)
            """
        let codes = try Int64.fetchAll(db, sql: unused, arguments: [time])
        try db.execute(sql: "DELETE FROM codeTheme WHERE codeId IN (\(unused))", arguments: [time])
        try db.execute(sql: "DELETE FROM code WHERE id IN (\(unused))", arguments: [time])
        return codes.count
    }
}
