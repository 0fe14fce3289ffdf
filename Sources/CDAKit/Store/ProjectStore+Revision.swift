import Foundation
internal import GRDB

extension ProjectStore {
    /// Stores a transcript like `save`, except that replacing a document with codings (or with
    /// earlier versions) revises it: its codings are carried to the new text (see
    /// `TranscriptAlignment`), the old text is kept as a version, and the whole revision is one
    /// history step that `undo` reverses exactly.
    ///
    /// - Parameters:
    ///   - policy: What to do with codings whose words have no counterpart; under `.refuse`
    ///     nothing is written while there is any, and the returned revision lists them.
    ///   - actor: Who revises, for the history.
    ///   - rehearse: Whether to roll everything back (`--dry-run`): the revision is planned and
    ///     checked exactly as a real one, and nothing is kept.
    /// - Returns: What happened, and for a revision (or a refused one) its plan.
    /// - Throws: As `save`; `StoreError.database` when SQLite fails.
    public func saveRevising(
        _ transcript: Transcript, replace: Bool, pseudonymize: Bool = false, words: TranscriptWords? = nil,
        readOptions: String = "", onConflict policy: RevisionPolicy = .refuse, actor: String = "cda", dryRun rehearse: Bool = false
    ) throws -> (outcome: SaveOutcome, revision: DocumentRevision?) {
        let body = { (db: Database) in
            try self.storeRevising(
                transcript, replace: replace, pseudonymize: pseudonymize, words: words, readOptions: readOptions,
                onConflict: policy, actor: actor, applied: !rehearse, db)
        }
        do {
            return rehearse ? try dryRun(body) : try write(body)
        } catch let refusal as Refusal {
            return (.refused, refusal.revision)
        }
    }

    /// Stores a transcript like `saveRevising` inside the caller's transaction, in a savepoint of
    /// its own: when it fails or is refused, what it wrote is rolled back and the rest of the
    /// caller's transaction stays.
    ///
    /// - Throws: As `saveRevising`; `DatabaseError` when SQLite fails.
    func saveRevising(
        _ transcript: Transcript, replace: Bool, pseudonymize: Bool, words: TranscriptWords?, readOptions: String,
        onConflict policy: RevisionPolicy, actor: String, savepointIn db: Database
    ) throws -> (outcome: SaveOutcome, revision: DocumentRevision?) {
        var result: (outcome: SaveOutcome, revision: DocumentRevision?)?
        do {
            try db.inSavepoint {
                result = try storeRevising(
                    transcript, replace: replace, pseudonymize: pseudonymize, words: words, readOptions: readOptions,
                    onConflict: policy, actor: actor, applied: true, db)
                return .commit
            }
        } catch let refusal as Refusal {
            return (.refused, refusal.revision)
        }
        return result!
    }

    /// The body of `saveRevising`: a revision when replacing a document with codings or versions,
    /// a plain store otherwise. Throws `Refusal` for a refused revision.
    private func storeRevising(
        _ transcript: Transcript, replace: Bool, pseudonymize: Bool, words: TranscriptWords?, readOptions: String,
        onConflict policy: RevisionPolicy, actor: String, applied: Bool, _ db: Database
    ) throws -> (outcome: SaveOutcome, revision: DocumentRevision?) {
        let id = transcript.document.id
        if replace,
            let stored = try Row.fetchOne(db, sql: "SELECT contentHash, readOptions FROM document WHERE id = ?", arguments: [id]),
            stored["contentHash"] != transcript.document.contentHash || stored["readOptions"] != readOptions,
            try Self.needsRevision(documentID: id, db)
        {
            var revision = try Self.revise(
                transcript, pseudonymize: pseudonymize, words: words, readOptions: readOptions, policy: policy, actor: actor,
                vocabulary: vocabulary, db)
            // A refusal undoes whatever planning wrote (new pseudonyms).
            if revision.isRefused { throw Refusal(revision: revision) }
            revision.applied = applied
            return (.revised, revision)
        }
        return (
            try Self.insertTranscript(
                transcript, replace: replace, pseudonymize: pseudonymize, words: words, readOptions: readOptions,
                vocabulary: vocabulary, db), nil
        )
    }

    /// Thrown inside the transaction of a refused revision, so that it is rolled back.
    struct Refusal: Error {
        var revision: DocumentRevision
    }

    /// Whether replacing a document must go through a revision: it has codings or kept versions.
    static func needsRevision(documentID: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM coding WHERE documentId = ?) OR EXISTS (SELECT 1 FROM documentVersion WHERE documentId = ?)
                """, arguments: [documentID, documentID]) ?? false
    }

    /// Plans a revision and, unless refused, applies it as one history step.
    ///
    /// - Parameter change: What changed, for the history (`fixed the text of utterance 3`);
    ///   `nil` for a new file.
    static func revise(
        _ transcript: Transcript, pseudonymize: Bool, words: TranscriptWords?, readOptions: String,
        policy: RevisionPolicy, actor: String, change: String? = nil, vocabulary: VocabularyCache, _ db: Database
    ) throws -> DocumentRevision {
        let transcript = pseudonymize ? try Self.pseudonymize(transcript, db) : transcript
        let id = transcript.document.id
        let oldUtterances = try storedUtterances(of: id, db)
        let codings = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, k.name, c.startUtterance, c.startOffset, c.endUtterance, c.endOffset
                FROM coding c JOIN code k ON k.id = c.codeId WHERE c.documentId = ?
                ORDER BY c.startUtterance, COALESCE(c.startOffset, -1), c.endUtterance, COALESCE(c.endOffset, -1), c.id
                """, arguments: [id]
        ).map { row in
            (
                id: row[0] as Int64, code: row[1] as String,
                fragment: Fragment(
                    documentID: id, startUtterance: row[2], startOffset: row[3], endUtterance: row[4], endOffset: row[5])
            )
        }
        let version = try Int.fetchOne(db, sql: "SELECT COUNT(*) + 1 FROM documentVersion WHERE documentId = ?", arguments: [id]) ?? 1
        let alignment = TranscriptAlignment(old: oldUtterances, new: transcript.utterances)
        var revision = DocumentRevision(
            documentID: id, version: version, policy: policy, applied: false, pairings: alignment.pairings,
            codings: CodingRevision.plan(codings, through: alignment))
        if revision.isRefused { return revision }
        let moved = revision.codings.filter { $0.outcome == .moved }.count
        let conflicts = revision.conflicts.count
        let summary =
            (change.map { "\($0) in '\(id)' (version \(version + 1))" } ?? "revised '\(id)' to version \(version + 1)")
            + ": \(moved) coding(s) moved, \(conflicts) without counterpart"
            + (conflicts > 0 ? " (\(policy.rawValue))" : "")
        let speakers = Set(transcript.speakers.map(\.id) + transcript.utterances.compactMap(\.speakerID))
        try recordStep(
            kind: .revision, summary: summary, reason: nil, actor: actor,
            scope: HistoryScope(document: RevisionScope(documentID: id, speakerIDs: speakers)), db
        ) { db, _ in
            try keepVersion(of: id, number: version, utterances: oldUtterances, db)
            let selections = try Row.fetchAll(db, sql: "SELECT * FROM selectedFragment WHERE documentId = ? ORDER BY id", arguments: [id])
            let codingRows = try Row.fetchAll(db, sql: "SELECT * FROM coding WHERE documentId = ? ORDER BY id", arguments: [id])
            if try searchIndexReady(db) { try unindexForSearch(documentID: id, db) }
            for table in ["coding", "selectedFragment", "utterance", "documentAttribute", "documentSpeaker"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE documentId = ?", arguments: [id])
            }
            let document = transcript.document
            try db.execute(
                sql: """
                    UPDATE document SET title = ?, format = ?, sourcePath = ?, contentHash = ?, ingestedAt = ?, readOptions = ?
                    WHERE id = ?
                    """,
                arguments: [
                    document.title, document.format.rawValue, document.sourcePath, document.contentHash, Timestamp.now(),
                    readOptions, id,
                ])
            try insertContent(of: transcript, words: words, vocabulary: vocabulary, db)
            try reinsertCodings(codingRows, revision: &revision, db)
            try reinsertSelections(selections, through: alignment, db)
        }
        revision.applied = true
        return revision
    }

    /// A document's utterances as stored.
    static func storedUtterances(of documentID: String, _ db: Database) throws -> [Utterance] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT idx, speakerId, startTime, endTime, section, text, sourceReference FROM utterance
                WHERE documentId = ? ORDER BY idx
                """, arguments: [documentID]
        ).map { row in
            Utterance(
                index: row[0], speakerID: row[1], start: row[2], end: row[3], section: row[4], text: row[5], sourceReference: row[6])
        }
    }

    /// Keeps the text a document had before a revision as version `number`.
    private static func keepVersion(of id: String, number: Int, utterances: [Utterance], _ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(utterances), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO documentVersion(documentId, version, ingestedAt, revisedAt, contentHash, sourcePath, utterances)
                SELECT id, ?, ingestedAt, ?, contentHash, sourcePath, ? FROM document WHERE id = ?
                """, arguments: [number, Timestamp.now(), json, id])
    }

    /// Puts the codings back with their ids, where the revision carried them.
    private static func reinsertCodings(_ rows: [Row], revision: inout DocumentRevision, _ db: Database) throws {
        let byID = Dictionary(rows.map { ($0["id"] as Int64, $0) }, uniquingKeysWith: { first, _ in first })
        for (position, coding) in revision.codings.enumerated() {
            guard let row = byID[coding.codingID] else { continue }
            var review: String? = row["review"]
            let fragment: Fragment?
            switch coding.outcome {
            case .unchanged, .moved: fragment = coding.new
            case .conflict:
                fragment = revision.policy == .keepUtterance ? coding.new : nil
                review = DocumentRevision.reviewNote(version: revision.version, old: coding.old)
            }
            guard let fragment else { continue }
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO coding(id, codeId, documentId, startUtterance, startOffset, endUtterance, endOffset,
                                                 round, coder, memo, createdAt, review)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    coding.codingID, row["codeId"], fragment.documentID, fragment.startUtterance, fragment.startOffset,
                    fragment.endUtterance, fragment.endOffset, row["round"], row["coder"], row["memo"], row["createdAt"], review,
                ])
            if db.changesCount == 0 { revision.codings[position].joinedIdentical = true }
        }
    }

    /// Carries the analyst's selected fragments through the revision; those without counterpart go.
    private static func reinsertSelections(_ rows: [Row], through alignment: TranscriptAlignment, _ db: Database) throws {
        for row in rows {
            let old = Fragment(
                documentID: row["documentId"], startUtterance: row["startUtterance"], startOffset: row["startOffset"],
                endUtterance: row["endUtterance"], endOffset: row["endOffset"])
            let fragment: Fragment
            switch alignment.map(old) {
            case .unchanged: fragment = old
            case .moved(let moved): fragment = moved
            case .conflict: continue
            }
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO selectedFragment(id, documentId, startUtterance, startOffset, endUtterance, endOffset,
                                                           note, selectedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    row["id"], fragment.documentID, fragment.startUtterance, fragment.startOffset, fragment.endUtterance,
                    fragment.endOffset, row["note"], row["selectedAt"],
                ])
        }
    }
}
