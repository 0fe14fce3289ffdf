import Foundation
internal import GRDB

extension ProjectStore {
    /// Calls `body` with every utterance in document order, streaming (memory stays flat).
    ///
    /// - Parameters:
    ///   - attribute: The attribute whose value fills `group`.
    ///   - keys: Only these utterances, when given.
    public func forEachUtterance(
        by attribute: String = "group", only keys: Set<CodedCorpus.UtteranceKey>? = nil, _ body: (UtteranceRecord) throws -> Void
    ) throws {
        try read { db in
            let groups = try Self.utteranceGroups(db, attribute: attribute)
            let moderators = try Self.moderatorIDs(db)
            let cursor: RowCursor
            if let keys {
                let list = try String(decoding: JSONEncoder().encode(keys.map { [$0.document, String($0.index)] }), as: UTF8.self)
                cursor = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT u.documentId, u.idx, u.speakerId, u.text
                        FROM (SELECT json_extract(value, '$[0]') AS documentId, CAST(json_extract(value, '$[1]') AS INTEGER) AS idx FROM json_each(?)) k
                        JOIN utterance u ON u.documentId = k.documentId AND u.idx = k.idx
                        JOIN document d ON d.id = u.documentId
                        ORDER BY d.position, u.idx
                        """, arguments: [list])
            } else {
                cursor = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT u.documentId, u.idx, u.speakerId, u.text FROM utterance u JOIN document d ON d.id = u.documentId
                        ORDER BY d.position, u.idx
                        """)
            }
            while let row = try cursor.next() {
                let document: String = row["documentId"]
                let speaker: String? = row["speakerId"]
                try body(
                    UtteranceRecord(
                        document: document, index: row["idx"], speaker: speaker,
                        isModerator: speaker.map(moderators.contains) ?? false,
                        group: groups.group(document: document, speaker: speaker), text: row["text"]))
            }
        }
    }

    /// The text of each of `keys` that exists.
    ///
    /// - Complexity: One primary-key lookup per key.
    public func utteranceTexts(_ keys: Set<CodedCorpus.UtteranceKey>) throws -> [CodedCorpus.UtteranceKey: String] {
        try read { db in
            let statement = try db.cachedStatement(sql: "SELECT text FROM utterance WHERE documentId = ? AND idx = ?")
            var texts: [CodedCorpus.UtteranceKey: String] = [:]
            for key in keys {
                if let text = try String.fetchOne(statement, arguments: [key.document, key.index]) { texts[key] = text }
            }
            return texts
        }
    }

    /// The ids of speakers who are not participants (moderators and observers).
    static func moderatorIDs(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT id FROM speaker WHERE role != 'participant'"))
    }
}
