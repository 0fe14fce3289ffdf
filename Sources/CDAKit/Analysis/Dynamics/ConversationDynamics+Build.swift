extension ConversationDynamics {
    /// The definitions printed in the report's definitions section when it has the dynamics.
    public static let definitionTexts: [String: String] = [
        "dynamics_turns":
            "A turn is one utterance; a speaker's turns and words are counted in the sessions (documents) of the group they appear under.",
        "dynamics_seconds":
            "Seconds of speech: each turn lasts until its end time, else until the next utterance's start; a last turn without an end time counts no seconds, and a speaker without times has none.",
        "dynamics_floor_share":
            "Floor share: a speaker's words divided by all words spoken in the group's sessions, moderators and observers included.",
        "dynamics_mean_turn": "Mean turn: a speaker's words divided by their turns; longest turn: the most words in one of their turns.",
        "dynamics_participants":
            "Participants are all participants the group's documents declare, including silent participants, who never take a turn there.",
        "dynamics_gini":
            "Gini: Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ) over the words xᵢ of all n declared participants of the group (population formula); 0 is perfectly even, near 1 one person speaks.",
        "dynamics_moderator_share": "Moderator share: moderators' words divided by all words spoken in the group's sessions.",
        "dynamics_transitions":
            "Transitions: pairs of consecutive utterances by different speakers, observers and unattributed utterances left out; many participant → participant transitions mean dialogue, few a moderated interview.",
        "dynamics_initiations":
            "Initiation: a theme's first coded fragment in a document in the report's round; prompted when the moderator's most recent turn before it contains one of the theme's sensitising terms (matched as everywhere in cda).",
    ]

    /// Computes the dynamics of the given sessions.
    ///
    /// - Parameters:
    ///   - sessions: The documents in scope, in ingest order.
    ///   - roles: Every speaker's role (speakers missing here count as participants).
    ///   - names: Speakers as reports show them; a speaker missing here shows their id.
    ///   - corpus: The coded corpus (for the round's fragments, codes, themes and terms).
    ///   - round: The round whose codings count for the initiations.
    /// - Returns: Speakers, groups, transitions and initiations.
    /// - Complexity: O(*u* + *c* + *t* · *d* · *w*) for *u* utterances, *c* codings, and the words
    ///   *w* of the moderator turns looked at for *t* themes in *d* documents.
    public static func build(
        sessions: [SessionTalk], roles: [String: SpeakerRole], names: [String: String],
        corpus: CodedCorpus, round: Int
    ) -> ConversationDynamics {
        let (speakers, groups) = participation(sessions: sessions, roles: roles, names: names)
        return ConversationDynamics(
            speakers: speakers, groups: groups, transitions: transitions(sessions: sessions, roles: roles),
            initiations: initiations(sessions: sessions, roles: roles, corpus: corpus, round: round))
    }

    /// A running tally of one speaker's turns.
    private struct Tally {
        var turns = 0
        var words = 0
        var longest = 0
        var seconds: Double?

        mutating func add(words count: Int, seconds duration: Double?) {
            turns += 1
            words += count
            longest = max(longest, count)
            if let duration { seconds = (seconds ?? 0) + duration }
        }
    }

    /// Per speaker and per group: turns, words, seconds, shares and the Gini coefficient.
    static func participation(sessions: [SessionTalk], roles: [String: SpeakerRole], names: [String: String])
        -> (speakers: [SpeakerFigures], groups: [GroupFigures])
    {
        func role(_ speaker: String) -> SpeakerRole { roles[speaker] ?? .participant }
        var sessionsOfGroup: [String: [SessionTalk]] = [:]
        for session in sessions {
            for group in Set(session.groups.values) { sessionsOfGroup[group, default: []].append(session) }
        }
        var speakerRows: [SpeakerFigures] = []
        var groupRows: [GroupFigures] = []
        for (group, groupSessions) in sessionsOfGroup.sorted(by: { $0.key < $1.key }) {
            var tallies: [String: Tally] = [:]
            var participants: Set<String> = []
            var allWords = 0
            for session in groupSessions {
                for (speaker, value) in session.groups where value == group && role(speaker) == .participant {
                    participants.insert(speaker)
                }
                for (position, turn) in session.turns.enumerated() {
                    allWords += turn.words
                    guard let speaker = turn.speaker else { continue }
                    // A participant counts where they belong to the group; moderators and observers
                    // count in every session of the group they speak in.
                    if role(speaker) == .participant && session.groups[speaker] != group { continue }
                    tallies[speaker, default: Tally()].add(words: turn.words, seconds: session.seconds(at: position))
                }
            }
            let shown = participants.union(tallies.keys)
            for speaker in shown {
                let tally = tallies[speaker] ?? Tally()
                speakerRows.append(
                    SpeakerFigures(
                        speaker: names[speaker] ?? speaker, role: role(speaker), group: group, turns: tally.turns, words: tally.words,
                        seconds: tally.seconds, floorShare: allWords == 0 ? 0 : Double(tally.words) / Double(allWords),
                        meanTurnWords: tally.turns == 0 ? nil : Double(tally.words) / Double(tally.turns), longestTurnWords: tally.longest))
            }
            let participantTallies = participants.map { tallies[$0] ?? Tally() }
            let moderatorWords = tallies.filter { role($0.key) == .moderator }.values.reduce(0) { $0 + $1.words }
            groupRows.append(
                GroupFigures(
                    group: group, participants: participants.count,
                    silentParticipants: participantTallies.filter { $0.turns == 0 }.count,
                    turns: participantTallies.reduce(0) { $0 + $1.turns }, words: participantTallies.reduce(0) { $0 + $1.words },
                    gini: Gini.coefficient(participantTallies.map(\.words)),
                    moderatorShare: allWords == 0 ? 0 : Double(moderatorWords) / Double(allWords)))
        }
        let roleOrder = Dictionary(uniqueKeysWithValues: SpeakerRole.allCases.enumerated().map { ($1, $0) })
        speakerRows.sort { ($0.group, roleOrder[$0.role] ?? 0, $0.speaker) < ($1.group, roleOrder[$1.role] ?? 0, $1.speaker) }
        return (speakerRows, groupRows)
    }

    /// Moderator → participant, participant → moderator and participant → participant over
    /// consecutive utterances of different speakers, observers and unattributed utterances left out.
    static func transitions(sessions: [SessionTalk], roles: [String: SpeakerRole]) -> Transitions {
        var counts = Transitions()
        for session in sessions {
            var previous: (speaker: String, role: SpeakerRole)?
            for turn in session.turns {
                guard let speaker = turn.speaker else { continue }
                let role = roles[speaker] ?? .participant
                switch role {
                case .observer: continue
                case .participant, .moderator: break
                }
                if let before = previous, before.speaker != speaker {
                    switch (before.role, role) {
                    case (.moderator, .participant): counts.moderatorToParticipant += 1
                    case (.participant, .moderator): counts.participantToModerator += 1
                    case (.participant, .participant): counts.participantToParticipant += 1
                    case (.moderator, .moderator), (.observer, _), (_, .observer): break
                    }
                }
                previous = (speaker, role)
            }
        }
        return counts
    }
}
