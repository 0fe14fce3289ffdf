/// The shape of the conversation: who holds the floor, how even participation is, who answers
/// whom, and whether each theme entered the talk on the participants' own initiative or at the
/// moderator's prompt.
///
/// JSON keys are a contract (see README); numbers are unrounded here and rounded only by renderers.
/// Missing values (no times, no prompt) are encoded as `null`, so every key is always present.
public struct ConversationDynamics: Sendable, Codable, Hashable {
    /// One speaker's talk within one group's sessions.
    public struct SpeakerFigures: Sendable, Codable, Hashable {
        /// The speaker as reports show them (a pseudonym with `--pseudonymize`).
        public var speaker: String
        /// The speaker's role.
        public var role: SpeakerRole
        /// The group (value of the `by` attribute) whose sessions this row counts.
        public var group: String
        /// Utterances.
        public var turns: Int
        /// Words by the project tokenizer.
        public var words: Int
        /// Seconds of speech; `nil` when none of the speaker's turns has a time.
        public var seconds: Double?
        /// `words` / all words spoken in the group's sessions (by everyone, moderators included).
        public var floorShare: Double
        /// `words` / `turns`; `nil` for a speaker without turns.
        public var meanTurnWords: Double?
        /// The most words in one turn (0 without turns).
        public var longestTurnWords: Int

        enum CodingKeys: String, CodingKey {
            case speaker, role, group, turns, words, seconds
            case floorShare = "floor_share"
            case meanTurnWords = "mean_turn_words"
            case longestTurnWords = "longest_turn_words"
        }

        /// Encodes every key, `null` for missing values.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(speaker, forKey: .speaker)
            try container.encode(role, forKey: .role)
            try container.encode(group, forKey: .group)
            try container.encode(turns, forKey: .turns)
            try container.encode(words, forKey: .words)
            try container.encode(seconds, forKey: .seconds)
            try container.encode(floorShare, forKey: .floorShare)
            try container.encode(meanTurnWords, forKey: .meanTurnWords)
            try container.encode(longestTurnWords, forKey: .longestTurnWords)
        }
    }

    /// One group's participation.
    public struct GroupFigures: Sendable, Codable, Hashable {
        /// The group's name.
        public var group: String
        /// Declared participants, including those who never spoke.
        public var participants: Int
        /// Declared participants without a single turn in the group's sessions.
        public var silentParticipants: Int
        /// Participants' utterances.
        public var turns: Int
        /// Participants' words.
        public var words: Int
        /// The Gini coefficient of participants' words over all declared participants
        /// (Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ)); `nil` when there are none or nobody spoke.
        public var gini: Double?
        /// Moderators' words / all words spoken in the group's sessions.
        public var moderatorShare: Double

        enum CodingKeys: String, CodingKey {
            case group, participants, turns, words, gini
            case silentParticipants = "silent_participants"
            case moderatorShare = "moderator_share"
        }

        /// Encodes every key, `null` for a missing Gini coefficient.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(group, forKey: .group)
            try container.encode(participants, forKey: .participants)
            try container.encode(silentParticipants, forKey: .silentParticipants)
            try container.encode(turns, forKey: .turns)
            try container.encode(words, forKey: .words)
            try container.encode(gini, forKey: .gini)
            try container.encode(moderatorShare, forKey: .moderatorShare)
        }
    }

    /// Who follows whom: consecutive utterances of different speakers, observers left out.
    public struct Transitions: Sendable, Codable, Hashable {
        /// A moderator's turn followed by a participant's.
        public var moderatorToParticipant: Int
        /// A participant's turn followed by a moderator's.
        public var participantToModerator: Int
        /// A participant's turn followed by another participant's.
        public var participantToParticipant: Int

        /// Creates counts.
        public init(moderatorToParticipant: Int = 0, participantToModerator: Int = 0, participantToParticipant: Int = 0) {
            self.moderatorToParticipant = moderatorToParticipant
            self.participantToModerator = participantToModerator
            self.participantToParticipant = participantToParticipant
        }

        enum CodingKeys: String, CodingKey {
            case moderatorToParticipant = "moderator_to_participant"
            case participantToModerator = "participant_to_moderator"
            case participantToParticipant = "participant_to_participant"
        }
    }

    /// How one theme entered the talk of one document.
    public struct Initiation: Sendable, Codable, Hashable {
        /// The theme id.
        public var theme: String
        /// The document id.
        public var document: String
        /// The first utterance of the theme's first fragment in the document (1-based).
        public var utterance: Int
        /// That utterance's start, in seconds from the start of the recording, if known.
        public var time: Double?
        /// The role of that utterance's speaker; `nil` when the transcript does not say who spoke.
        public var role: SpeakerRole?
        /// Whether the moderator's most recent turn before it holds one of the theme's sensitising terms.
        public var prompted: Bool
        /// The index of that prompting turn; `nil` when not prompted.
        public var promptUtterance: Int?

        /// Creates an initiation.
        public init(
            theme: String, document: String, utterance: Int, time: Double?, role: SpeakerRole?, prompted: Bool, promptUtterance: Int?
        ) {
            self.theme = theme
            self.document = document
            self.utterance = utterance
            self.time = time
            self.role = role
            self.prompted = prompted
            self.promptUtterance = promptUtterance
        }

        enum CodingKeys: String, CodingKey {
            case theme, document, utterance, time, role, prompted
            case promptUtterance = "prompt_utterance"
        }

        /// Encodes every key, `null` for missing values.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(theme, forKey: .theme)
            try container.encode(document, forKey: .document)
            try container.encode(utterance, forKey: .utterance)
            try container.encode(time, forKey: .time)
            try container.encode(role, forKey: .role)
            try container.encode(prompted, forKey: .prompted)
            try container.encode(promptUtterance, forKey: .promptUtterance)
        }
    }

    /// Per group and speaker: by group name, then role, then speaker.
    public var speakers: [SpeakerFigures]
    /// Per group, by name.
    public var groups: [GroupFigures]
    /// Turn transitions over all documents in scope.
    public var transitions: Transitions
    /// Per theme (codebook order) and document (ingest order).
    public var initiations: [Initiation]
}
