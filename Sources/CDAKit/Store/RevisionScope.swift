internal import GRDB

/// The rows of one document a revision replaces, and the speakers it names.
struct RevisionScope: Codable, Equatable {
    var documentID: String
    var speakerIDs: Set<String>

    /// The current rows in scope.
    func capture(_ db: Database) throws -> DocumentImage {
        let id = documentID
        let speakers = speakerIDs.sorted()
        return DocumentImage(
            document: try RowImage(db, literal: "SELECT * FROM document WHERE id = \(id)"),
            attributes: try RowImage(db, literal: "SELECT * FROM documentAttribute WHERE documentId = \(id) ORDER BY key"),
            utterances: try RowImage(db, literal: "SELECT * FROM utterance WHERE documentId = \(id) ORDER BY idx"),
            codings: try RowImage(db, literal: "SELECT * FROM coding WHERE documentId = \(id) ORDER BY id"),
            documentSpeakers: try RowImage(
                db, literal: "SELECT * FROM documentSpeaker WHERE documentId = \(id) ORDER BY speakerId"),
            selectedFragments: try RowImage(db, literal: "SELECT * FROM selectedFragment WHERE documentId = \(id) ORDER BY id"),
            versions: try RowImage(db, literal: "SELECT * FROM documentVersion WHERE documentId = \(id) ORDER BY version"),
            speakers: try RowImage(db, literal: "SELECT * FROM speaker WHERE id IN \(speakers) ORDER BY id"),
            speakerAttributes: try RowImage(
                db, literal: "SELECT * FROM speakerAttribute WHERE speakerId IN \(speakers) ORDER BY speakerId, key"),
            pseudonyms: try RowImage(db, literal: "SELECT * FROM pseudonym ORDER BY label"),
            searchRows: try RowImage(db, literal: "SELECT rowid, documentId, idx FROM utteranceRow WHERE documentId = \(id) ORDER BY idx"))
    }

    /// Puts the document's rows back as `image` has them, and its search index entries with them.
    func restore(_ image: DocumentImage, _ db: Database) throws {
        let id = documentID
        let speakers = speakerIDs.sorted()
        let indexed = try ProjectStore.searchIndexReady(db)
        if indexed { try ProjectStore.unindexForSearch(documentID: id, db) }
        try db.execute(literal: "DELETE FROM utteranceRow WHERE documentId = \(id)")
        try db.execute(literal: "DELETE FROM coding WHERE documentId = \(id)")
        try db.execute(literal: "DELETE FROM selectedFragment WHERE documentId = \(id)")
        try db.execute(literal: "DELETE FROM utterance WHERE documentId = \(id)")
        try db.execute(literal: "DELETE FROM documentAttribute WHERE documentId = \(id)")
        try db.execute(literal: "DELETE FROM documentVersion WHERE documentId = \(id)")
        // Speakers: those the revision added go; the others take their names and roles back.
        try db.execute(literal: "DELETE FROM speakerAttribute WHERE speakerId IN \(speakers)")
        let kept = image.speakers.rows.compactMap { row -> String? in
            if case .text(let value) = row[image.speakers.columns.firstIndex(of: "id") ?? 0] { return value }
            return nil
        }
        try db.execute(literal: "DELETE FROM speaker WHERE id IN \(speakers) AND id NOT IN \(kept)")
        try image.speakers.upsert(into: "speaker", key: ["id"], db)
        try db.execute(literal: "DELETE FROM documentSpeaker WHERE documentId = \(id)")
        try image.document.upsert(into: "document", key: ["id"], db)
        try image.attributes.insert(into: "documentAttribute", db)
        try image.utterances.insert(into: "utterance", db)
        try ProjectStore.reindexTokens(documentID: id, db)
        try image.documentSpeakers.insert(into: "documentSpeaker", db)
        try image.versions.insert(into: "documentVersion", db)
        try image.codings.insert(into: "coding", db)
        try image.selectedFragments.insert(into: "selectedFragment", db)
        try image.speakerAttributes.insert(into: "speakerAttribute", db)
        try db.execute(sql: "DELETE FROM pseudonym")
        try image.pseudonyms.insert(into: "pseudonym", db)
        if indexed {
            if image.searchRows.rows.isEmpty {
                try ProjectStore.indexForSearch(documentID: id, db)
            } else {
                try image.searchRows.insert(into: "utteranceRow", db)
                try ProjectStore.indexRows(documentID: id, db)
            }
        }
    }
}

/// The rows of a document scope at one moment.
struct DocumentImage: Codable {
    var document: RowImage
    var attributes: RowImage
    var utterances: RowImage
    var codings: RowImage
    var documentSpeakers: RowImage
    var selectedFragments: RowImage
    var versions: RowImage
    var speakers: RowImage
    var speakerAttributes: RowImage
    var pseudonyms: RowImage
    /// The search index's rows of the document; not compared, since building the index after a
    /// revision must not block its undo (the index is put back consistent either way).
    var searchRows: RowImage
}

extension DocumentImage: Equatable {
    static func == (a: DocumentImage, b: DocumentImage) -> Bool {
        a.document == b.document && a.attributes == b.attributes && a.utterances == b.utterances && a.codings == b.codings
            && a.documentSpeakers == b.documentSpeakers && a.selectedFragments == b.selectedFragments && a.versions == b.versions
            && a.speakers == b.speakers && a.speakerAttributes == b.speakerAttributes && a.pseudonyms == b.pseudonyms
    }
}

extension RowImage {
    /// Inserts the rows into `table`, updating a row whose `key` columns already exist (without
    /// deleting it, so that nothing cascades).
    func upsert(into table: String, key: [String], _ db: Database) throws {
        guard !rows.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let updates = columns.filter { !key.contains($0) }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))
                ON CONFLICT(\(key.joined(separator: ", "))) DO UPDATE SET \(updates)
                """)
        for row in rows {
            try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
        }
    }
}
