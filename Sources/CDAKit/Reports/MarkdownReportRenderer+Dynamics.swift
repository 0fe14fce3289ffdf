extension MarkdownReportRenderer {
    /// The conversation dynamics: participation per group, transitions, speakers and initiations.
    func dynamicsSection(_ dynamics: ConversationDynamics) -> [String] {
        var out = ["", "## Conversation dynamics", "", "### Participation per group", ""]
        out.append(row(["group", "participants", "silent", "turns", "words", "Gini", "moderator share"]))
        out.append(row(Array(repeating: "---", count: 7)))
        for group in dynamics.groups {
            out.append(
                row([
                    group.group, "\(group.participants)", "\(group.silentParticipants)", "\(group.turns)", "\(group.words)",
                    ReportNumbers.statistic(group.gini), ReportNumbers.percent(group.moderatorShare),
                ]))
        }
        let transitions = dynamics.transitions
        out += ["", "### Turn transitions", ""]
        out.append(row(["moderator → participant", "participant → moderator", "participant → participant"]))
        out.append(row(Array(repeating: "---", count: 3)))
        out.append(
            row([
                "\(transitions.moderatorToParticipant)", "\(transitions.participantToModerator)", "\(transitions.participantToParticipant)",
            ]))
        out += ["", "### Speakers", ""]
        out.append(row(["group", "speaker", "role", "turns", "words", "seconds", "floor share", "mean turn", "longest turn"]))
        out.append(row(Array(repeating: "---", count: 9)))
        for speaker in dynamics.speakers {
            out.append(
                row([
                    speaker.group, speaker.speaker, ReportNumbers.role(speaker.role), "\(speaker.turns)", "\(speaker.words)",
                    ReportNumbers.seconds(speaker.seconds), ReportNumbers.percent(speaker.floorShare),
                    speaker.meanTurnWords.map(ReportNumbers.rate) ?? "–", "\(speaker.longestTurnWords)",
                ]))
        }
        out += ["", "### How themes entered the talk", ""]
        if dynamics.initiations.isEmpty {
            out.append("No theme was coded in these documents in this round.")
        } else {
            out.append(row(["theme", "document", "utterance", "time", "speaker's role", "prompted by the moderator"]))
            out.append(row(Array(repeating: "---", count: 6)))
            for initiation in dynamics.initiations {
                out.append(
                    row([
                        initiation.theme, initiation.document, "\(initiation.utterance)", ReportNumbers.clock(initiation.time),
                        ReportNumbers.role(initiation.role),
                        initiation.prompted ? "yes (utterance \(initiation.promptUtterance.map(String.init) ?? "?"))" : "no",
                    ]))
            }
        }
        return out
    }
}
