import Foundation
internal import GRDB

extension ProjectStore {
    /// Utterances that may contain all the given words, found with the full-text index (built on
    /// first use); `nil` when the index cannot narrow the search (no usable word).
    ///
    /// The index is only a filter: it finds a superset (case and diacritics folded, `*` as a prefix),
    /// and callers check every candidate with the project tokenizer.
    ///
    /// - Parameters:
    ///   - words: Pattern words, lowercased, with `*` and `?` as wildcards.
    ///   - limit: Give up (return `nil`) when more utterances than this match: a scan is cheaper then.
    public func searchCandidates(_ words: [String], limit: Int = 50_000) throws -> Set<CodedCorpus.UtteranceKey>? {
        let terms = words.flatMap(Self.ftsTerms)
        guard !terms.isEmpty else { return nil }
        try ensureSearchIndex()
        let query = terms.joined(separator: " AND ")
        return try read { db in
            var keys: Set<CodedCorpus.UtteranceKey> = []
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT r.documentId, r.idx FROM utteranceSearch s JOIN utteranceRow r ON r.rowid = s.rowid
                    WHERE utteranceSearch MATCH ? LIMIT ?
                    """, arguments: [query, limit + 1])
            while let row = try cursor.next() { keys.insert(.init(document: row[0], index: row[1])) }
            return keys.count > limit ? nil : keys
        }
    }

    /// FTS5 terms for one pattern word: its letter-and-digit runs, the last as a prefix when the word
    /// has a wildcard; nothing for a word that starts with a wildcard.
    static func ftsTerms(_ word: String) -> [String] {
        let normalized = word.precomposedStringWithCanonicalMapping
        let wildcard = normalized.firstIndex { $0 == "*" || $0 == "?" }
        let fixed = wildcard.map { normalized[..<$0] } ?? normalized[...]
        var runs: [String] = []
        var current = ""
        for character in fixed {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                runs.append(current)
                current = ""
            }
        }
        let endsInRun = !current.isEmpty
        if endsInRun { runs.append(current) }
        return runs.enumerated().map { index, run in
            let quoted = "\"" + run.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return index == runs.count - 1 && wildcard != nil && endsInRun ? quoted + " *" : quoted
        }
    }

    /// Builds the full-text index if it is not built yet, in one transaction.
    func ensureSearchIndex() throws {
        let ready = try read { db in try String.fetchOne(db, sql: "SELECT value FROM projectInfo WHERE key = 'searchIndex'") == "ready" }
        if ready { return }
        try write { db in
            guard try String.fetchOne(db, sql: "SELECT value FROM projectInfo WHERE key = 'searchIndex'") != "ready" else { return }
            try db.execute(sql: "DELETE FROM utteranceRow")
            try db.execute(sql: "INSERT INTO utteranceSearch(utteranceSearch) VALUES ('delete-all')")
            let cursor = try Row.fetchCursor(db, sql: "SELECT documentId, idx, text FROM utterance")
            let row = try db.makeStatement(sql: "INSERT INTO utteranceRow(documentId, idx) VALUES (?, ?)")
            let text = try db.makeStatement(sql: "INSERT INTO utteranceSearch(rowid, text) VALUES (?, ?)")
            while let utterance = try cursor.next() {
                try row.execute(arguments: [utterance[0] as String, utterance[1] as Int])
                try text.execute(arguments: [db.lastInsertedRowID, (utterance[2] as String).precomposedStringWithCanonicalMapping])
            }
            try db.execute(sql: "INSERT OR REPLACE INTO projectInfo(key, value) VALUES ('searchIndex', 'ready')")
        }
    }

    /// Adds a newly stored document's utterances to the index, when the index exists.
    static func indexForSearch(documentID: String, _ utterances: [Utterance], _ db: Database) throws {
        guard try String.fetchOne(db, sql: "SELECT value FROM projectInfo WHERE key = 'searchIndex'") == "ready" else { return }
        let row = try db.makeStatement(sql: "INSERT INTO utteranceRow(documentId, idx) VALUES (?, ?)")
        let text = try db.makeStatement(sql: "INSERT INTO utteranceSearch(rowid, text) VALUES (?, ?)")
        for utterance in utterances {
            try row.execute(arguments: [documentID, utterance.index])
            try text.execute(arguments: [db.lastInsertedRowID, utterance.text.precomposedStringWithCanonicalMapping])
        }
    }
}

extension ProjectStore {
    /// Whether the full-text index has been built (and so must be kept up to date).
    static func searchIndexReady(_ db: Database) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT value FROM projectInfo WHERE key = 'searchIndex'") == "ready"
    }

    /// Removes a document's utterances from the index, with the texts they were indexed with.
    static func unindexForSearch(documentID: String, _ db: Database) throws {
        let delete = try db.makeStatement(sql: "INSERT INTO utteranceSearch(utteranceSearch, rowid, text) VALUES ('delete', ?, ?)")
        for (rowID, text) in try indexedTexts(documentID: documentID, db) { try delete.execute(arguments: [rowID, text]) }
        try db.execute(sql: "DELETE FROM utteranceRow WHERE documentId = ?", arguments: [documentID])
    }

    /// Adds a stored document's utterances to the index under new rows.
    static func indexForSearch(documentID: String, _ db: Database) throws {
        let utterances = try Row.fetchAll(
            db, sql: "SELECT idx, text FROM utterance WHERE documentId = ? ORDER BY idx", arguments: [documentID]
        ).map { Utterance(index: $0[0], speakerID: nil, text: $0[1]) }
        try indexForSearch(documentID: documentID, utterances, db)
    }

    /// Adds the index entries of a document's existing `utteranceRow` rows, from the utterances' text.
    static func indexRows(documentID: String, _ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO utteranceSearch(rowid, text) VALUES (?, ?)")
        for (rowID, text) in try indexedTexts(documentID: documentID, db) { try insert.execute(arguments: [rowID, text]) }
    }

    /// Each index row of a document with its utterance's text as the index holds it (precomposed).
    private static func indexedTexts(documentID: String, _ db: Database) throws -> [(Int64, String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT r.rowid, u.text FROM utteranceRow r JOIN utterance u ON u.documentId = r.documentId AND u.idx = r.idx
                WHERE r.documentId = ?
                """, arguments: [documentID]
        ).map { ($0[0] as Int64, ($0[1] as String).precomposedStringWithCanonicalMapping) }
    }
}
