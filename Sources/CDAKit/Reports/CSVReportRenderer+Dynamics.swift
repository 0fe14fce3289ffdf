extension CSVReportRenderer {
    /// `dynamics-speakers.csv`, `dynamics-groups.csv`, `dynamics-transitions.csv` and
    /// `dynamics-initiations.csv`: the dynamics with the JSON keys as headers, unrounded; empty
    /// fields for missing values.
    static func dynamicsFiles(_ dynamics: ConversationDynamics) -> [(name: String, content: String)] {
        func text(_ value: (some CustomStringConvertible)?) -> String { value.map(\.description) ?? "" }
        var speakers = [["speaker", "role", "group", "turns", "words", "seconds", "floor_share", "mean_turn_words", "longest_turn_words"]]
        for row in dynamics.speakers {
            speakers.append([
                row.speaker, row.role.rawValue, row.group, "\(row.turns)", "\(row.words)", text(row.seconds),
                "\(row.floorShare)", text(row.meanTurnWords), "\(row.longestTurnWords)",
            ])
        }
        var groups = [["group", "participants", "silent_participants", "turns", "words", "gini", "moderator_share"]]
        for row in dynamics.groups {
            groups.append([
                row.group, "\(row.participants)", "\(row.silentParticipants)", "\(row.turns)", "\(row.words)",
                text(row.gini), "\(row.moderatorShare)",
            ])
        }
        let counts = dynamics.transitions
        let transitions = [
            ["moderator_to_participant", "participant_to_moderator", "participant_to_participant"],
            ["\(counts.moderatorToParticipant)", "\(counts.participantToModerator)", "\(counts.participantToParticipant)"],
        ]
        var initiations = [["theme", "document", "utterance", "time", "role", "prompted", "prompt_utterance"]]
        for row in dynamics.initiations {
            initiations.append([
                row.theme, row.document, "\(row.utterance)", text(row.time), text(row.role?.rawValue),
                "\(row.prompted)", text(row.promptUtterance),
            ])
        }
        return [
            ("dynamics-speakers.csv", csv(speakers)), ("dynamics-groups.csv", csv(groups)),
            ("dynamics-transitions.csv", csv(transitions)), ("dynamics-initiations.csv", csv(initiations)),
        ]
    }
}
