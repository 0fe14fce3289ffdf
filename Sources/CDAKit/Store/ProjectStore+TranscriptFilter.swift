internal import GRDB

extension ProjectStore {
    /// What `filter` leaves of one document: the utterances and codings the Transcript screen
    /// shows, with the speakers, groups, codes and coders the document offers to filter by.
    /// A speaker's group is their own `group` attribute, else the document's.
    ///
    /// - Throws: `CorpusError.unknownDocument` when there is no such document, `StoreError.database`.
    /// - Complexity: Two indexed queries over the document's utterances and codings, then
    ///   `TranscriptFilter.apply`.
    public func filterTranscript(_ filter: TranscriptFilter, inDocument documentID: String) throws -> TranscriptFilter.Result {
        let codings = try codings(inDocument: documentID)
        let lines = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT u.idx, u.speakerId, COALESCE(sa.value, da.value) AS grp
                    FROM utterance u
                    LEFT JOIN speakerAttribute sa ON sa.speakerId = u.speakerId AND sa.key = 'group'
                    LEFT JOIN documentAttribute da ON da.documentId = u.documentId AND da.key = 'group'
                    WHERE u.documentId = ? ORDER BY u.idx
                    """, arguments: [documentID]
            ).map { TranscriptFilter.Line(index: $0["idx"], speaker: $0["speakerId"], group: $0["grp"]) }
        }
        return filter.apply(lines: lines, codings: codings)
    }
}
