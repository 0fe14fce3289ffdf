extension Ingester {
    /// What happened to one file, and what was read from it.
    public struct Outcome: Sendable, Hashable, Codable {
        /// The file.
        public var file: String
        /// `ingested`, `unchanged`, `replaced`, `skipped` or `failed`.
        public var status: String
        /// Whether this was a dry run: the status says what a real ingest would do; nothing was written.
        public var dryRun: Bool
        /// The document id, when the file was read.
        public var document: String?
        /// The format read.
        public var format: DocumentFormat?
        /// Utterances read (for an unchanged file: stored).
        public var utterances = 0
        /// Speakers who speak (for an unchanged file: stored).
        public var speakers = 0
        /// Words read (for an unchanged file: stored).
        public var words = 0
        /// Every speaker the file declares or that speaks, with their turns, in the file's order;
        /// declared speakers who never speak have 0 turns. Empty for an unchanged file.
        public var speakerTurns: [SpeakerTurns] = []
        /// The sections, in order of first use.
        public var sections: [String] = []
        /// What the reader decided on its own (labels read as text, an encoding guessed).
        public var notices: [ReadNotice] = []
        /// The error message, for a failed file.
        public var error: String?
        /// Why a file found in a directory was skipped (an XML file that is not a transcript), or a
        /// problem met after it was stored.
        public var note: String?
        /// For a coded document replaced (`revised` or `refused`): the alignment and every coding's fate.
        public var revision: DocumentRevision?

        /// Creates an outcome that has not been decided yet.
        init(file: String, status: String, dryRun: Bool) {
            self.file = file
            self.status = status
            self.dryRun = dryRun
        }

        /// Whether the file failed.
        public var failed: Bool { error != nil }

        /// Whether this run wrote the file into the project (as new, a replacement or a revision).
        public var stored: Bool { !failed && !dryRun && ["ingested", "replaced", "revised"].contains(status) }

        /// Fills in what was read from `transcript`.
        mutating func describe(_ transcript: Transcript, format: DocumentFormat, counts: [(words: Int, scalars: Int)]) {
            document = transcript.document.id
            self.format = format
            utterances = transcript.utterances.count
            words = counts.reduce(0) { $0 + $1.words }
            speakerTurns = SpeakerTurns.tally(transcript, counts: counts)
            speakers = speakerTurns.filter { $0.turns > 0 }.count
            var seen: Set<String> = []
            sections = transcript.utterances.compactMap(\.section).filter { seen.insert($0).inserted }
            notices = transcript.notices
        }
    }

    /// One speaker's share of a file: how many turns and words the reader gave them.
    public struct SpeakerTurns: Sendable, Hashable, Codable {
        /// The speaker's label in the file.
        public var speaker: String
        /// Their role.
        public var role: SpeakerRole
        /// Their utterances.
        public var turns: Int
        /// Their words, by the project tokenizer.
        public var words: Int

        /// Every declared or speaking speaker of `transcript`, in the transcript's order, then any
        /// speaker who speaks without being declared.
        ///
        /// - Parameter counts: The words and scalars of each utterance, in order, as ingest counted them.
        static func tally(_ transcript: Transcript, counts: [(words: Int, scalars: Int)]) -> [SpeakerTurns] {
            var turns: [String: (turns: Int, words: Int)] = [:]
            for (utterance, count) in zip(transcript.utterances, counts) {
                guard let id = utterance.speakerID else { continue }
                turns[id, default: (0, 0)].turns += 1
                turns[id, default: (0, 0)].words += count.words
            }
            var result = transcript.speakers.map { speaker in
                SpeakerTurns(
                    speaker: speaker.id, role: speaker.role, turns: turns[speaker.id]?.turns ?? 0, words: turns[speaker.id]?.words ?? 0)
            }
            var seen = Set(transcript.speakers.map(\.id))
            var extra: [String] = []
            for utterance in transcript.utterances {
                if let id = utterance.speakerID, seen.insert(id).inserted { extra.append(id) }
            }
            result += extra.map { SpeakerTurns(speaker: $0, role: .participant, turns: turns[$0]!.turns, words: turns[$0]!.words) }
            return result
        }
    }
}

extension Ingester.Options {
    /// The options that change what is read from a file, as stored with each document: reading the
    /// same bytes with other options is a change, not "unchanged". `""` when none is given.
    func fingerprint(personsHash: String?) -> String {
        var parts: [String] = []
        if let format { parts.append("format=\(format.rawValue)") }
        if let personsHash { parts.append("persons=\(personsHash)") }
        if let group { parts.append("group=\(group)") }
        if let session { parts.append("session=\(session)") }
        if !speakers.isEmpty { parts.append("speakers=\(speakers.joined(separator: ","))") }
        if !moderators.isEmpty { parts.append("moderators=\(moderators.joined(separator: ","))") }
        if let encoding { parts.append("encoding=\(encoding.rawValue)") }
        if let speakerPattern { parts.append("speaker-pattern=\(speakerPattern)") }
        if pseudonymize { parts.append("pseudonymize") }
        return parts.joined(separator: "\n")
    }
}
