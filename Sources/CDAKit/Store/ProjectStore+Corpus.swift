import Foundation
internal import GRDB

extension ProjectStore {
    /// Stores a transcript in one transaction: all of it, or nothing.
    ///
    /// Speakers already in the project keep their id; a name, role or attribute the new file
    /// gives is added where the project had none.
    ///
    /// - Parameters:
    ///   - transcript: The transcript as a reader produced it.
    ///   - replace: Whether a document with the same id and different content may be replaced.
    ///   - pseudonymize: Whether speaker labels are replaced by pseudonyms (see `pseudonymize`).
    ///   - words: The transcript's words when the caller tokenised them (tokenised here otherwise).
    /// - Returns: Whether the document was new, unchanged or replaced.
    /// - Throws: `IngestError.documentChanged` without `replace`, `.documentHasCodings` when
    ///   codings point into a document to replace, `StoreError.database` when SQLite fails.
    ///   - readOptions: The fingerprint of the reading options, kept with the document.
    ///   - dryRun: Whether to roll the transaction back: the same checks and writes, so a dry run
    ///     meets exactly the errors a real ingest would, and nothing is kept.
    public func save(
        _ transcript: Transcript, replace: Bool, pseudonymize: Bool = false, words: TranscriptWords? = nil,
        readOptions: String = "", dryRun rehearse: Bool = false
    ) throws -> SaveOutcome {
        let body = { (db: Database) in
            try Self.insertTranscript(
                transcript, replace: replace, pseudonymize: pseudonymize, words: words, readOptions: readOptions,
                vocabulary: self.vocabulary, db)
        }
        return rehearse ? try dryRun(body) : try write(body)
    }

    /// The documents stored from files, keyed by what makes a file unchanged: its bytes (their
    /// hash), its path and the fingerprint of the options it was read with.
    public func storedFiles() throws -> [StoredFile: DocumentSummary] {
        try read { db in
            let summaries = Dictionary(uniqueKeysWithValues: try Self.documentSummaries(db).map { ($0.id, $0) })
            var files: [StoredFile: DocumentSummary] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, contentHash, sourcePath, readOptions FROM document") {
                let file = StoredFile(contentHash: row["contentHash"], sourcePath: row["sourcePath"], readOptions: row["readOptions"])
                files[file] = summaries[row["id"]]
            }
            return files
        }
    }

    /// Stores a transcript inside the caller's transaction (see `save`).
    static func insertTranscript(
        _ transcript: Transcript, replace: Bool, pseudonymize: Bool, words: TranscriptWords? = nil,
        readOptions: String = "", vocabulary: VocabularyCache, _ db: Database
    ) throws -> SaveOutcome {
        let document = transcript.document
        let location = SourceLocation(file: document.sourcePath)
        do {
            let transcript = pseudonymize ? try Self.pseudonymize(transcript, db) : transcript
            var outcome = SaveOutcome.ingested
            var keptMedia: MediaLinkRecord?
            if let stored = try Row.fetchOne(
                db, sql: "SELECT contentHash, readOptions FROM document WHERE id = ?", arguments: [document.id])
            {
                if stored["contentHash"] == document.contentHash && stored["readOptions"] == readOptions { return .unchanged }
                guard replace else { throw IngestError.documentChanged(location, documentID: document.id) }
                let codings = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM coding WHERE documentId = ?", arguments: [document.id]) ?? 0
                if codings > 0 { throw IngestError.documentHasCodings(location, documentID: document.id, codings: codings) }
                // The recording still belongs to the document: keep its link across the replacement.
                keptMedia = try MediaLinkRecord.all().of(document.id).fetchOne(db)
                try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [document.id])
                outcome = .replaced
            }
            let position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) + 1 FROM document") ?? 1
            try db.execute(
                sql: """
                    INSERT INTO document(id, title, format, sourcePath, contentHash, ingestedAt, position, readOptions)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    document.id, document.title, document.format.rawValue, document.sourcePath,
                    document.contentHash, Timestamp.now(), position, readOptions,
                ])
            try keptMedia?.insert(db)
            // Pseudonyms change speakers, not text: the words tokenised before still hold.
            try Self.insertContent(of: transcript, words: words, vocabulary: vocabulary, db)
            return outcome
        }
    }

    /// Stores a transcript's attributes, speakers, utterances and counts under its existing
    /// document row, with its token index, and indexes it for search when the full-text index is built.
    static func insertContent(
        of transcript: Transcript, words: TranscriptWords?, vocabulary: VocabularyCache, _ db: Database
    ) throws {
        let document = transcript.document
        for (key, value) in document.attributes.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql: "INSERT INTO documentAttribute(documentId, key, value) VALUES (?, ?, ?)",
                arguments: [document.id, key, value])
        }
        for speaker in transcript.speakers { try Self.upsert(speaker, in: db) }
        try Self.recordDeclaredSpeakers(of: transcript, db)
        let insert = try UtteranceInserter(documentID: document.id, db)
        let words = words ?? TranscriptWords(transcript)
        let sizes = words.counts
        for (position, utterance) in transcript.utterances.enumerated() {
            let size = sizes[position]
            try insert.insert(utterance, words: size.words, scalars: size.scalars)
        }
        let tokens = try vocabulary.withWriter(db) { writer in try writer.tokens(of: words) }
        try db.execute(
            sql: storeTokensSQL, arguments: [document.id, Data(TokenBlob.encode(tokens, utteranceEnds: words.utteranceEnds))])
        try db.execute(
            sql: """
                UPDATE document SET utteranceCount = ?, wordCount = ?, speakerCount = ? WHERE id = ?
                """,
            arguments: [
                transcript.utterances.count, sizes.reduce(0) { $0 + $1.words },
                Set(transcript.utterances.compactMap(\.speakerID)).count, document.id,
            ])
        try Self.indexForSearch(documentID: document.id, transcript.utterances, db)
    }

    private static func upsert(_ speaker: Speaker, in db: Database) throws {
        if let row = try Row.fetchOne(db, sql: "SELECT name, role FROM speaker WHERE id = ?", arguments: [speaker.id]) {
            let name: String = row["name"]
            if name == speaker.id, speaker.name != speaker.id {
                try db.execute(sql: "UPDATE speaker SET name = ? WHERE id = ?", arguments: [speaker.name, speaker.id])
            }
            let role: String = row["role"]
            if role == SpeakerRole.participant.rawValue, speaker.role != .participant {
                try db.execute(sql: "UPDATE speaker SET role = ? WHERE id = ?", arguments: [speaker.role.rawValue, speaker.id])
            }
        } else {
            try db.execute(
                sql: "INSERT INTO speaker(id, name, role) VALUES (?, ?, ?)",
                arguments: [speaker.id, speaker.name, speaker.role.rawValue])
        }
        for (key, value) in speaker.attributes {
            try db.execute(
                sql: "INSERT OR IGNORE INTO speakerAttribute(speakerId, key, value) VALUES (?, ?, ?)",
                arguments: [speaker.id, key, value])
        }
    }

    /// Every document with its counts, in ingest order.
    ///
    /// - Throws: `StoreError.database`.
    public func documents() throws -> [DocumentSummary] {
        try read { db in try Self.documentSummaries(db) }
    }

    /// Document summaries in ingest order: all of them, or only the one with `id`.
    static func documentSummaries(_ db: Database, id: String? = nil) throws -> [DocumentSummary] {
        let filter = id == nil ? "" : "WHERE id = ?"
        let arguments: StatementArguments = id.map { [$0] } ?? []
        var attributes: [String: [String: String]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT documentId, key, value FROM documentAttribute \(id == nil ? "" : "WHERE documentId = ?")", arguments: arguments
        ) {
            attributes[row["documentId"], default: [:]][row["key"]] = row["value"] as String
        }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT id, title, format, sourcePath, utteranceCount AS utterances, speakerCount AS speakers, wordCount AS words
                FROM document \(filter) ORDER BY position
                """, arguments: arguments
        ).map { row in
            let id: String = row["id"]
            let attrs = attributes[id] ?? [:]
            return DocumentSummary(
                id: id, title: row["title"], format: DocumentFormat(rawValue: row["format"]) ?? .text,
                group: attrs["group"], session: attrs["session"], utterances: row["utterances"],
                speakers: row["speakers"], words: row["words"], attributes: attrs, sourcePath: row["sourcePath"])
        }
    }

    /// Every speaker with their counts, ordered by id.
    ///
    /// - Throws: `StoreError.database`.
    public func speakers() throws -> [SpeakerSummary] {
        try read { db in
            let attributes = try Self.attributes(db, table: "speakerAttribute", owner: "speakerId")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.name, s.role,
                           COUNT(DISTINCT u.documentId) AS documents, COUNT(u.idx) AS utterances,
                           COALESCE(SUM(u.wordCount), 0) AS words,
                           (SELECT group_concat(value, ',') FROM (
                               SELECT DISTINCT a.value FROM utterance u2
                               JOIN documentAttribute a ON a.documentId = u2.documentId AND a.key = 'group'
                               WHERE u2.speakerId = s.id ORDER BY a.value)) AS documentGroups
                    FROM speaker s LEFT JOIN utterance u ON u.speakerId = s.id
                    GROUP BY s.id ORDER BY s.id
                    """
            ).map { row in
                let id: String = row["id"]
                let attrs = attributes[id] ?? [:]
                return SpeakerSummary(
                    id: id, name: row["name"], role: SpeakerRole(rawValue: row["role"]) ?? .participant,
                    group: attrs["group"] ?? row["documentGroups"], documents: row["documents"],
                    utterances: row["utterances"], words: row["words"], attributes: attrs)
            }
        }
    }

    /// The utterances of a document, optionally limited to an index range; an utterance whose
    /// transcript gives no end ends where the next one starts (when that has a time, not earlier).
    ///
    /// - Parameters:
    ///   - documentID: The document.
    ///   - range: 1-based indexes to include; all when `nil`.
    /// - Throws: `CorpusError.unknownDocument` when there is no such document, `StoreError.database`.
    public func utterances(of documentID: String, in range: ClosedRange<Int>? = nil) throws -> [UtteranceView] {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [documentID]) != nil else {
                let known = try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY position")
                throw CorpusError.unknownDocument(documentID, suggestion: NameSuggester.closest(to: documentID, among: known))
            }
            let bounds = range ?? 1...Int.max
            // One utterance past the range, so that the last one without an end can take its start.
            let (after, overflow) = bounds.upperBound.addingReportingOverflow(1)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT u.idx, u.speakerId, s.role, u.startTime,
                        COALESCE(u.endTime, CASE WHEN u.nextStart >= u.startTime THEN u.nextStart END) AS endTime,
                        u.section, u.text, u.wordCount
                    FROM (
                        SELECT idx, speakerId, startTime, endTime, section, text, wordCount,
                            LEAD(startTime) OVER (ORDER BY idx) AS nextStart
                        FROM utterance WHERE documentId = ? AND idx BETWEEN ? AND ?
                    ) u LEFT JOIN speaker s ON s.id = u.speakerId
                    WHERE u.idx <= ? ORDER BY u.idx
                    """, arguments: [documentID, bounds.lowerBound, overflow ? Int.max : after, bounds.upperBound]
            ).map { row in
                UtteranceView(
                    index: row["idx"], speaker: row["speakerId"], role: (row["role"] as String?).flatMap(SpeakerRole.init(rawValue:)),
                    start: row["startTime"], end: row["endTime"], section: row["section"], text: row["text"],
                    words: row["wordCount"])
            }
        }
    }

    static func attributes(_ db: Database, table: String, owner: String) throws -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT \(owner) AS owner, key, value FROM \(table)") {
            result[row["owner"], default: [:]][row["key"]] = row["value"] as String
        }
        return result
    }
}
