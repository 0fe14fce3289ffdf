import Foundation
internal import GRDB

extension ProjectStore {
    /// Every version of a document's text, oldest first; the last is the current one.
    ///
    /// - Throws: `CorpusError.unknownDocument`, `StoreError.database`.
    public func documentVersions(of documentID: String) throws -> [DocumentVersion] {
        try read { db in
            guard
                let current = try Row.fetchOne(
                    db, sql: "SELECT ingestedAt, sourcePath, contentHash, utteranceCount, wordCount FROM document WHERE id = ?",
                    arguments: [documentID])
            else { throw try Self.unknownDocument(documentID, db) }
            var versions = try Row.fetchAll(
                db,
                sql: """
                    SELECT version, ingestedAt, revisedAt, sourcePath, contentHash, utterances FROM documentVersion
                    WHERE documentId = ? ORDER BY version
                    """, arguments: [documentID]
            ).map { row in
                let utterances = try Self.decodeVersion(row["utterances"])
                return DocumentVersion(
                    version: row["version"], ingestedAt: row["ingestedAt"], revisedAt: row["revisedAt"], sourcePath: row["sourcePath"],
                    contentHash: row["contentHash"], utterances: utterances.count,
                    words: utterances.reduce(0) { $0 + Tokenizer.wordCount($1.text) })
            }
            versions.append(
                DocumentVersion(
                    version: versions.count + 1, ingestedAt: current["ingestedAt"], revisedAt: nil, sourcePath: current["sourcePath"],
                    contentHash: current["contentHash"], utterances: current["utteranceCount"], words: current["wordCount"]))
            return versions
        }
    }

    /// The utterances of one version of a document, as they were.
    ///
    /// - Parameter version: A version number from `documentVersions(of:)`; the last is the current text.
    /// - Throws: `CorpusError.unknownDocument`, `.unknownVersion`, `StoreError.database`.
    public func documentText(of documentID: String, version: Int) throws -> [Utterance] {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [documentID]) != nil else {
                throw try Self.unknownDocument(documentID, db)
            }
            let kept = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documentVersion WHERE documentId = ?", arguments: [documentID]) ?? 0
            if version == kept + 1 { return try Self.storedUtterances(of: documentID, db) }
            guard
                let json = try String.fetchOne(
                    db, sql: "SELECT utterances FROM documentVersion WHERE documentId = ? AND version = ?",
                    arguments: [documentID, version])
            else { throw CorpusError.unknownVersion(document: documentID, version: version, latest: kept + 1) }
            return try Self.decodeVersion(json)
        }
    }

    /// The utterances of a kept version, from their JSON.
    static func decodeVersion(_ json: String) throws -> [Utterance] {
        try JSONDecoder().decode([Utterance].self, from: Data(json.utf8))
    }

    private static func unknownDocument(_ id: String, _ db: Database) throws -> CorpusError {
        let known = try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY position")
        return CorpusError.unknownDocument(id, suggestion: NameSuggester.closest(to: id, among: known))
    }
}
