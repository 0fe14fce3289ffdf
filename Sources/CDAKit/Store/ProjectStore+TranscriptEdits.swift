import Foundation
internal import GRDB

extension ProjectStore {
    /// Corrects a stored transcript — an utterance's text or speaker, a split, a merge — as a
    /// revision of the document: its codings and quote selections follow their words (see
    /// `TranscriptAlignment`), the text before is kept as a version, and the edit is one history
    /// step that `undo` takes back exactly.
    ///
    /// The document keeps its source file's hash, so ingesting the unchanged file again leaves the
    /// edit in place; a changed file revises the document from the file.
    ///
    /// - Parameters:
    ///   - policy: What to do with codings whose words the edit removes; under `.refuse` nothing
    ///     is written while there is any, and the returned revision lists them.
    ///   - actor: Who edits, for the history.
    ///   - rehearse: Plan and check the edit, then keep nothing.
    /// - Returns: The revision (refused when `isRefused`), and the history step when it was written.
    /// - Throws: `CorpusError.unknownDocument`, `TranscriptEditError`, `StoreError`.
    public func edit(
        _ documentID: String, _ edit: TranscriptEdit, onConflict policy: RevisionPolicy = .refuse, actor: String,
        dryRun rehearse: Bool = false
    ) throws -> (revision: DocumentRevision, step: HistoryEntry?) {
        let body = { (db: Database) -> (revision: DocumentRevision, step: HistoryEntry?) in
            let transcript = try Self.editedTranscript(documentID, edit, db)
            let readOptions = try String.fetchOne(db, sql: "SELECT readOptions FROM document WHERE id = ?", arguments: [documentID]) ?? ""
            var revision = try Self.revise(
                transcript, pseudonymize: false, words: nil, readOptions: readOptions, policy: policy, actor: actor, change: edit.summary,
                vocabulary: self.vocabulary, db)
            if revision.isRefused { throw Refusal(revision: revision) }
            revision.applied = !rehearse
            let step = try Row.fetchOne(db, sql: "SELECT * FROM history ORDER BY id DESC LIMIT 1").map(Self.historyEntry(from:))
            return (revision, rehearse ? nil : step)
        }
        do {
            return rehearse ? try dryRun(body) : try write(body)
        } catch let refusal as Refusal {
            return (refusal.revision, nil)
        }
    }

    /// The document as stored, with the edit applied.
    private static func editedTranscript(_ documentID: String, _ edit: TranscriptEdit, _ db: Database) throws -> Transcript {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM document WHERE id = ?", arguments: [documentID]) else {
            let known = try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY position")
            throw CorpusError.unknownDocument(documentID, suggestion: NameSuggester.closest(to: documentID, among: known))
        }
        var attributes: [String: String] = [:]
        for attribute in try Row.fetchAll(db, sql: "SELECT key, value FROM documentAttribute WHERE documentId = ?", arguments: [documentID])
        {
            attributes[attribute["key"]] = attribute["value"]
        }
        let document = Document(
            id: documentID, title: row["title"], format: DocumentFormat(rawValue: row["format"]) ?? .text, sourcePath: row["sourcePath"],
            contentHash: row["contentHash"], attributes: attributes)
        let speakers = try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.name, s.role FROM speaker s WHERE s.id IN (
                    SELECT speakerId FROM documentSpeaker WHERE documentId = ?
                    UNION SELECT speakerId FROM utterance WHERE documentId = ? AND speakerId IS NOT NULL)
                ORDER BY s.id
                """, arguments: [documentID, documentID]
        ).map { Speaker(id: $0["id"], name: $0["name"], role: SpeakerRole(rawValue: $0["role"]) ?? .participant) }
        if case .speaker(_, let label) = edit {
            let trimmed = label.trimmingCharacters(in: .whitespaces)
            let known = try Bool.fetchOne(db, sql: "SELECT 1 FROM speaker WHERE id = ?", arguments: [trimmed]) != nil
            if !trimmed.isEmpty, !known { throw TranscriptEditError.unknownSpeaker(trimmed, known: speakers.map(\.id)) }
        }
        let utterances = try edit.applied(to: try storedUtterances(of: documentID, db), document: documentID)
        return Transcript(document: document, speakers: speakers, utterances: utterances)
    }
}
