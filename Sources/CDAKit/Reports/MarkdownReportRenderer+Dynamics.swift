extension MarkdownReportRenderer {
    /// The conversation dynamics: participation per group, transitions, speakers and initiations.
    func dynamicsSection(_ dynamics: ConversationDynamics) -> [String] {
        let text = language
        let numbers = ReportNumbers.Formatter(language: language)
        var out = ["", "## " + text(.dynamics), "", "### " + text(.participationPerGroup), ""]
        out.append(row([.group, .participants, .silent, .turns, .words, .gini, .moderatorShare].map { text($0) }))
        out.append(row(Array(repeating: "---", count: 7)))
        for group in dynamics.groups {
            out.append(
                row([
                    group.group, "\(group.participants)", "\(group.silentParticipants)", "\(group.turns)", "\(group.words)",
                    numbers.statistic(group.gini), numbers.percent(group.moderatorShare),
                ]))
        }
        let transitions = dynamics.transitions
        out += ["", "### " + text(.turnTransitions), ""]
        out.append(row([.moderatorToParticipant, .participantToModerator, .participantToParticipant].map { text($0) }))
        out.append(row(Array(repeating: "---", count: 3)))
        out.append(
            row([
                "\(transitions.moderatorToParticipant)", "\(transitions.participantToModerator)", "\(transitions.participantToParticipant)",
            ]))
        out += ["", "### " + text(.speakersHeading), ""]
        out.append(row([.group, .speaker, .role, .turns, .words, .seconds, .floorShare, .meanTurn, .longestTurn].map { text($0) }))
        out.append(row(Array(repeating: "---", count: 9)))
        for speaker in dynamics.speakers {
            out.append(
                row([
                    speaker.group, speaker.speaker, text.role(speaker.role), "\(speaker.turns)", "\(speaker.words)",
                    ReportNumbers.seconds(speaker.seconds), numbers.percent(speaker.floorShare),
                    speaker.meanTurnWords.map(numbers.rate) ?? "–", "\(speaker.longestTurnWords)",
                ]))
        }
        out += ["", "### " + text(.themesEntered), ""]
        if dynamics.initiations.isEmpty {
            out.append(text(.noInitiations))
        } else {
            out.append(row([.theme, .document, .utterance, .time, .speakersRole, .prompted].map { text($0) }))
            out.append(row(Array(repeating: "---", count: 6)))
            for initiation in dynamics.initiations {
                out.append(
                    row([
                        initiation.theme, initiation.document, "\(initiation.utterance)", ReportNumbers.clock(initiation.time),
                        text.role(initiation.role),
                        initiation.prompted ? text(.promptedAt, initiation.promptUtterance.map(String.init) ?? "?") : text(.no),
                    ]))
            }
        }
        return out
    }
}
