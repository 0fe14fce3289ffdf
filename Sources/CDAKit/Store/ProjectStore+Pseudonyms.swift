import Foundation
internal import GRDB

extension ProjectStore {
    /// Replaces a transcript's speaker labels by pseudonyms before it is stored: participants become
    /// `P01`, `P02`, …, moderators `M01`, …, observers `O01`, …, numbered after the pseudonyms the
    /// project already has. Names and the original labels are dropped; other speaker attributes stay.
    ///
    /// A label seen before in this project keeps the pseudonym it got then (the mapping is kept in
    /// the project, never in reports). Runs inside the transaction that stores the transcript.
    static func pseudonymize(_ transcript: Transcript, _ db: Database) throws -> Transcript {
        do {
            var mapping: [String: String] = [:]
            for speaker in transcript.speakers {
                if let known = try String.fetchOne(db, sql: "SELECT pseudonym FROM pseudonym WHERE label = ?", arguments: [speaker.id]) {
                    mapping[speaker.id] = known
                    continue
                }
                let prefix = speaker.role == .moderator ? "M" : speaker.role == .observer ? "O" : "P"
                var number =
                    (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pseudonym WHERE pseudonym LIKE ?", arguments: ["\(prefix)%"]) ?? 0) + 1
                var candidate = String(format: "%@%02d", prefix, number)
                while try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM speaker WHERE id = ? UNION SELECT 1 FROM pseudonym WHERE pseudonym = ?",
                    arguments: [candidate, candidate]) != nil
                {
                    number += 1
                    candidate = String(format: "%@%02d", prefix, number)
                }
                try db.execute(sql: "INSERT INTO pseudonym(label, pseudonym) VALUES (?, ?)", arguments: [speaker.id, candidate])
                mapping[speaker.id] = candidate
            }
            var result = transcript
            result.speakers = transcript.speakers.map { speaker in
                var renamed = speaker
                renamed.id = mapping[speaker.id] ?? speaker.id
                renamed.name = renamed.id
                return renamed
            }
            result.utterances = transcript.utterances.map { utterance in
                var renamed = utterance
                renamed.speakerID = utterance.speakerID.flatMap { mapping[$0] } ?? utterance.speakerID
                return renamed
            }
            return result
        }
    }
}
