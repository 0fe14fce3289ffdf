import Foundation
internal import GRDB

/// Per-document coding queries for views that show a transcript with its codings.
extension ProjectStore {
    /// The codings that touch a document's utterances in `range`, in document order.
    ///
    /// A coding is included when its fragment overlaps the range (it may start before or end
    /// after it). Codes are resolved through merges (a merge moves codings to its target; this
    /// also covers rows written by older versions), so each coding names the code that holds it now.
    ///
    /// - Parameters:
    ///   - documentID: The document.
    ///   - range: 1-based utterance indexes; the whole document when `nil`.
    /// - Returns: The codings, ordered by fragment start, then id.
    /// - Throws: `CorpusError.unknownDocument`, `StoreError.database`.
    /// - Complexity: O(*c* log *c*) for the *c* codings in the range (one indexed query).
    public func codings(inDocument documentID: String, utterances range: ClosedRange<Int>? = nil) throws -> [DocumentCoding] {
        try read { db in
            _ = try FragmentValidator().utteranceLengths(documentID, db)
            var resolved: [Int64: Code] = [:]
            return try Self.codings(inDocument: documentID, utterances: range ?? 1...Int.max, resolved: &resolved, db)
        }
    }

    /// The codings that touch each document's utterances in its range, like
    /// `codings(inDocument:utterances:)`, in one read; for documents known to exist (their
    /// utterances are not read to check).
    ///
    /// - Parameter ranges: Per document, 1-based utterance indexes.
    /// - Returns: Per document of `ranges`, its codings in document order.
    /// - Throws: `StoreError.database`.
    /// - Complexity: One indexed query per document.
    func codings(inDocuments ranges: [String: ClosedRange<Int>]) throws -> [String: [DocumentCoding]] {
        try read { db in
            var resolved: [Int64: Code] = [:]
            var codings: [String: [DocumentCoding]] = [:]
            for (documentID, range) in ranges {
                codings[documentID] = try Self.codings(inDocument: documentID, utterances: range, resolved: &resolved, db)
            }
            return codings
        }
    }

    /// The codings of one document that overlap `bounds`, their codes resolved through merges
    /// (`resolved` caches the codes looked up).
    private static func codings(
        inDocument documentID: String, utterances bounds: ClosedRange<Int>, resolved: inout [Int64: Code], _ db: Database
    ) throws -> [DocumentCoding] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM coding WHERE documentId = ? AND startUtterance <= ? AND endUtterance >= ?
                ORDER BY startUtterance, IFNULL(startOffset, 0), id
                """, arguments: [documentID, bounds.upperBound, bounds.lowerBound])
        return try rows.map { row in
            let storedID: Int64 = row["codeId"]
            if resolved[storedID] == nil {
                resolved[storedID] = try resolvedActiveCode(from: storedID, db)
            }
            let code = resolved[storedID]
            return DocumentCoding(
                id: row["id"], code: code?.name ?? "?", codeID: code?.id ?? storedID, status: code?.status ?? .active,
                color: code?.color, fragment: fragment(from: row),
                round: row["round"], coder: row["coder"], memo: row["memo"], createdAt: row["createdAt"], review: row["review"])
        }
    }

    /// One coding by id, with its code resolved through merges.
    ///
    /// - Throws: `CodingError.noSuchCoding` when no coding has the id.
    public func coding(id: Int64) throws -> DocumentCoding {
        let found = try read { db in
            try Row.fetchOne(db, sql: "SELECT documentId, startUtterance, endUtterance FROM coding WHERE id = ?", arguments: [id])
                .map { (document: $0["documentId"] as String, range: ($0["startUtterance"] as Int)...($0["endUtterance"] as Int)) }
        }
        guard let found, let coding = try codings(inDocument: found.document, utterances: found.range).first(where: { $0.id == id }) else {
            throw CodingError.noSuchCoding("id \(id)")
        }
        return coding
    }

    /// Sets (or, with `nil` or blank text, clears) the memo on one coding.
    ///
    /// The memo is part of the coding row, so a consolidation step recorded before it sees the
    /// change: undoing that step is refused rather than losing the memo.
    ///
    /// - Throws: `CodingError.noSuchCoding` when no coding has the id.
    public func setCodingMemo(_ id: Int64, memo: String?) throws {
        try write { db in
            let text = memo.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            try db.execute(sql: "UPDATE coding SET memo = ? WHERE id = ?", arguments: [text, id])
            if db.changesCount == 0 { throw CodingError.noSuchCoding("id \(id)") }
        }
    }

    /// Codings and distinct fragments per document and round, in document order.
    ///
    /// - Throws: `StoreError.database`.
    public func codingCounts() throws -> [DocumentCodingCount] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.documentId, c.round, COUNT(*) AS codings,
                           COUNT(DISTINCT c.startUtterance || ':' || IFNULL(c.startOffset, '') || ':' || c.endUtterance || ':' || IFNULL(c.endOffset, '')) AS fragments
                    FROM coding c JOIN document d ON d.id = c.documentId
                    GROUP BY c.documentId, c.round ORDER BY d.position, c.round
                    """
            ).map {
                DocumentCodingCount(document: $0["documentId"], round: $0["round"], codings: $0["codings"], fragments: $0["fragments"])
            }
        }
    }

    /// The number of utterances in a document.
    ///
    /// - Throws: `CorpusError.unknownDocument`, `StoreError.database`.
    public func utteranceCount(of documentID: String) throws -> Int {
        try read { db in try FragmentValidator().utteranceLengths(documentID, db).count }
    }
}
