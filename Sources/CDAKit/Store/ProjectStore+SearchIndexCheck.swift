import Foundation
internal import GRDB

extension ProjectStore {
    /// Checks the full-text index, when it is built, against the utterances (see `searchIndexFindings`).
    ///
    /// - Returns: Every problem found; empty when the index is not built or is sound.
    public func checkSearchIndex() throws -> [CheckFinding] {
        try read { db in try Self.searchIndexFindings(db) }
    }

    /// Every utterance has exactly one index row and no row is left without its utterance; each
    /// utterance is found in the index by up to its first three words (so text revised or undone
    /// was re-indexed).
    ///
    /// - Complexity: One index query per utterance.
    static func searchIndexFindings(_ db: Database) throws -> [CheckFinding] {
        guard try searchIndexReady(db) else { return [] }
        var findings: [CheckFinding] = []
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT u.documentId, u.idx FROM utterance u
                WHERE NOT EXISTS (SELECT 1 FROM utteranceRow r WHERE r.documentId = u.documentId AND r.idx = u.idx)
                ORDER BY u.documentId, u.idx
                """)
        {
            findings.append(.init(kind: .searchIndex, message: "\(row[0] as String):\(row[1] as Int) is missing from the search index"))
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT r.documentId, r.idx FROM utteranceRow r
                WHERE NOT EXISTS (SELECT 1 FROM utterance u WHERE u.documentId = r.documentId AND u.idx = r.idx)
                ORDER BY r.documentId, r.idx
                """)
        {
            findings.append(
                .init(
                    kind: .searchIndex, message: "the search index has a row for \(row[0] as String):\(row[1] as Int), which does not exist"
                ))
        }
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.rowid, u.documentId, u.idx, u.text FROM utteranceRow r
                JOIN utterance u ON u.documentId = r.documentId AND u.idx = r.idx ORDER BY u.documentId, u.idx
                """)
        let probe = try db.makeStatement(sql: "SELECT COUNT(*) FROM utteranceSearch WHERE utteranceSearch MATCH ? AND rowid = ?")
        while let row = try cursor.next() {
            let words = Tokenizer.words(in: row[3] as String).prefix(3).flatMap(Self.ftsTerms)
            guard !words.isEmpty else { continue }
            let found = try Int.fetchOne(probe, arguments: [words.joined(separator: " AND "), row[0] as Int64]) ?? 0
            if found == 0 {
                findings.append(
                    .init(kind: .searchIndex, message: "\(row[1] as String):\(row[2] as Int) is not found in the search index by its words")
                )
            }
        }
        return findings
    }
}
