internal import GRDB

extension ProjectStore {
    /// Records which speakers a document declares or uses, inside the transaction that stores it,
    /// so that a participant who never speaks still belongs to the session.
    static func recordDeclaredSpeakers(of transcript: Transcript, _ db: Database) throws {
        let ids = Set(transcript.speakers.map(\.id)).union(transcript.utterances.compactMap(\.speakerID))
        let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO documentSpeaker(documentId, speakerId) VALUES (?, ?)")
        for id in ids.sorted() { try insert.execute(arguments: [transcript.document.id, id]) }
    }

    /// Per document, the speakers it declares or in which someone speaks.
    static func declaredSpeakers(_ db: Database) throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT documentId, speakerId FROM documentSpeaker
                UNION SELECT DISTINCT documentId, speakerId FROM utterance WHERE speakerId IS NOT NULL
                """)
        {
            result[row["documentId"], default: []].insert(row["speakerId"])
        }
        return result
    }
}
