internal import GRDB

extension ProjectStore {
    /// Computes the conversation dynamics: floor shares, participation, transitions, initiations.
    ///
    /// - Parameter options: The comparison attribute, documents, round and naming.
    /// - Throws: `AnalysisError.unknownAttribute`, `CorpusError.unknownDocument`,
    ///   `CodingError.invalidRound`, `StoreError.database`.
    /// - Complexity: One pass over the utterances and one over the codings.
    public func conversationDynamics(_ options: DynamicsOptions) throws -> ConversationDynamics {
        let corpus = try codedCorpus(by: options.by)
        return try conversationDynamics(options, corpus: corpus)
    }

    /// Computes the dynamics on a corpus already loaded with the same comparison attribute.
    func conversationDynamics(_ options: DynamicsOptions, corpus: CodedCorpus) throws -> ConversationDynamics {
        let round = try options.round.resolved(currentRound: corpus.currentRound)
        let (sessions, roles) = try read { db in
            _ = try Self.groupNames(db, by: options.by)
            return (try Self.sessionTalk(db, by: options.by, documents: options.documents), try Self.speakerRoles(db))
        }
        let shown = Set(sessions.flatMap { session in session.groups.keys + session.turns.compactMap(\.speaker) })
        let names = ConversationDynamics.names(of: shown, roles: roles, corpus: corpus, pseudonymize: options.pseudonymize)
        return ConversationDynamics.build(sessions: sessions, roles: roles, names: names, corpus: corpus, round: round)
    }

    /// Every speaker's role.
    static func speakerRoles(_ db: Database) throws -> [String: SpeakerRole] {
        var roles: [String: SpeakerRole] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, role FROM speaker") {
            roles[row["id"]] = SpeakerRole(rawValue: row["role"]) ?? .participant
        }
        return roles
    }

    /// The talk of the chosen documents (all when empty), in ingest order; moderators' texts only.
    ///
    /// - Throws: `CorpusError.unknownDocument` for a document the project lacks.
    static func sessionTalk(_ db: Database, by attribute: String, documents chosen: [String]) throws -> [SessionTalk] {
        let all = try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY position")
        for id in chosen where !all.contains(id) {
            throw CorpusError.unknownDocument(id, suggestion: NameSuggester.closest(to: id, among: all))
        }
        let wanted = chosen.isEmpty ? all : all.filter(chosen.contains)
        let lookup = try utteranceGroups(db, attribute: attribute)
        let declared = try declaredSpeakers(db)
        var turns: [String: [SessionTalk.Turn]] = [:]
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT u.documentId, u.idx, u.speakerId, u.startTime, u.endTime, u.wordCount,
                       CASE WHEN s.role = 'moderator' THEN u.text END AS text
                FROM utterance u LEFT JOIN speaker s ON s.id = u.speakerId ORDER BY u.documentId, u.idx
                """)
        while let row = try cursor.next() {
            turns[row["documentId"], default: []].append(
                SessionTalk.Turn(
                    index: row["idx"], speaker: row["speakerId"], start: row["startTime"], end: row["endTime"],
                    words: row["wordCount"], text: row["text"]))
        }
        return wanted.map { document in
            var groups: [String: String] = [:]
            for speaker in declared[document] ?? [] {
                if let group = lookup.group(document: document, speaker: speaker) { groups[speaker] = group }
            }
            return SessionTalk(document: document, turns: turns[document] ?? [], groups: groups)
        }
    }
}
