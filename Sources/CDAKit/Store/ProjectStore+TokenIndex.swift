import Foundation
internal import GRDB

extension ProjectStore {
    /// Rebuilds the token index from the utterances' text, in one transaction (`cda index --rebuild`).
    ///
    /// The vocabulary keeps its ids (it only grows), so nothing else in the project changes.
    ///
    /// - Returns: The number of utterances and of words indexed.
    /// - Throws: `StoreError` when SQLite fails; nothing is changed then.
    public func rebuildTokenIndex() throws -> (utterances: Int, words: Int) {
        try write { db in
            try db.execute(sql: "DELETE FROM tokenIndex")
            return try vocabulary.withWriter(db) { writer in try Self.indexTokens(documentID: nil, with: &writer, db) }
        }
    }

    /// Indexes one document from its stored text, replacing its index row; or, when `nil`, every
    /// document without an index row.
    ///
    /// - Returns: The number of utterances and of words indexed.
    static func indexTokens(documentID: String?, with writer: inout TokenIndexWriter, _ db: Database) throws -> (
        utterances: Int, words: Int
    ) {
        let documents =
            try documentID.map { [$0] }
            ?? String.fetchAll(
                db, sql: "SELECT id FROM document d WHERE NOT EXISTS (SELECT 1 FROM tokenIndex t WHERE t.documentId = d.id)")
        let texts = try db.cachedStatement(sql: "SELECT text FROM utterance WHERE documentId = ? ORDER BY idx")
        var utterances = 0
        var words = 0
        for document in documents {
            var tokens: [[IndexedToken]] = []
            let cursor = try String.fetchCursor(texts, arguments: [document])
            while let text = try cursor.next() {
                tokens.append(try writer.tokens(of: text))
                words += tokens[tokens.count - 1].count
            }
            utterances += tokens.count
            try db.execute(sql: storeTokensSQL, arguments: [document, Data(TokenBlob.encode(tokens))])
        }
        return (utterances, words)
    }

    /// Puts back a document's index after its utterances were restored from an image (undo,
    /// `--as-of`).
    static func reindexTokens(documentID: String, _ db: Database) throws {
        let vocabulary = VocabularyCache()
        try vocabulary.withWriter(db) { writer in _ = try indexTokens(documentID: documentID, with: &writer, db) }
    }

    /// Stores (or replaces) a document's index row.
    static let storeTokensSQL = "INSERT OR REPLACE INTO tokenIndex(documentId, tokens) VALUES (?, ?)"

    /// The vocabulary ids of lowercase word forms, read from the table.
    static func vocabularyIDs(_ db: Database) throws -> ByteInterner {
        var words = ByteInterner()
        try VocabularyCache.read(into: &words, after: 0, db)
        return words
    }
}

/// The size of a project's token index (`cda index`).
public struct TokenIndexSummary: Sendable, Hashable, Codable {
    /// Utterances with an index row.
    public var utterances: Int
    /// Words in the vocabulary.
    public var vocabulary: Int
    /// Bytes of index blobs.
    public var bytes: Int
}

extension ProjectStore {
    /// How many utterances and words the token index holds, and its size.
    public func tokenIndexSummary() throws -> TokenIndexSummary {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(d.utteranceCount), 0), COALESCE(SUM(length(t.tokens)), 0)
                    FROM tokenIndex t JOIN document d ON d.id = t.documentId
                    """)
            return TokenIndexSummary(
                utterances: row?[0] ?? 0, vocabulary: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM vocabulary") ?? 0,
                bytes: row?[1] ?? 0)
        }
    }

    /// Every document has an index row that reads back, with one entry per utterance equal to its
    /// text tokenised now, word by word (same places, same vocabulary ids); the vocabulary's ids run 1, 2, 3, … and each
    /// folded form is its form without diacritics.
    ///
    /// - Complexity: Re-tokenises every utterance.
    static func tokenIndexFindings(_ db: Database) throws -> [CheckFinding] {
        var findings: [CheckFinding] = []
        var words = ByteInterner()
        do {
            words = try vocabularyIDs(db)
        } catch {
            return [.init(kind: .tokenIndex, message: "the vocabulary's ids do not run 1, 2, 3, … without gaps or repeats")]
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, form, folded FROM vocabulary ORDER BY id") {
            let form: String = row[1]
            if form.folding(options: .diacriticInsensitive, locale: nil) != row[2] as String {
                findings.append(.init(kind: .tokenIndex, message: "vocabulary word \(row[0] as Int) has a folded form that does not match"))
            }
        }
        let blobs = try db.cachedStatement(sql: "SELECT tokens FROM tokenIndex WHERE documentId = ?")
        let texts = try db.cachedStatement(sql: "SELECT idx, text FROM utterance WHERE documentId = ? ORDER BY idx")
        var expected: [IndexedToken] = []
        for document in try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY id") {
            guard let blob = try Data.fetchOne(blobs, arguments: [document]) else {
                findings.append(.init(kind: .tokenIndex, message: "document '\(document)' is missing from the token index"))
                continue
            }
            let utterances = try Row.fetchAll(texts, arguments: [document])
            guard let stored = try? TokenBlob.Document(Array(blob)), stored.count == utterances.count else {
                findings.append(
                    .init(kind: .tokenIndex, message: "document '\(document)' has a token-index row that does not match its utterances"))
                continue
            }
            for (position, utterance) in utterances.enumerated() {
                expected.removeAll(keepingCapacity: true)
                Tokenizer.forEachLowercaseWord(in: utterance[1] as String) { span, form in
                    expected.append(
                        IndexedToken(word: (words.id(of: form) ?? -2) + 1, start: Int32(span.start), length: Int32(span.end - span.start)))
                }
                if (try? stored.tokens(ofUtterance: position)) != expected {
                    findings.append(
                        .init(
                            kind: .tokenIndex,
                            message: "\(document):\(utterance[0] as Int) has token-index words that do not match its text"))
                }
            }
        }
        return findings
    }
}
