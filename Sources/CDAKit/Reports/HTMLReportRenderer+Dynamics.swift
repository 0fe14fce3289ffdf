extension HTMLReportRenderer {
    /// The conversation dynamics: tables, a bar chart of floor shares per group and a timeline of
    /// initiations per session.
    func dynamicsSection(_ dynamics: ConversationDynamics) -> String {
        var html = "<section id=\"dynamics\"><h2>Conversation dynamics</h2><h3>Participation per group</h3>"
        html += table(
            ["group", "participants", "silent", "turns", "words", "Gini", "moderator share"],
            dynamics.groups.map { group in
                [
                    group.group, "\(group.participants)", "\(group.silentParticipants)", "\(group.turns)", "\(group.words)",
                    ReportNumbers.statistic(group.gini), ReportNumbers.percent(group.moderatorShare),
                ]
            })
        let transitions = dynamics.transitions
        html +=
            "<h3>Turn transitions</h3>"
            + table(
                ["moderator → participant", "participant → moderator", "participant → participant"],
                [
                    [
                        "\(transitions.moderatorToParticipant)", "\(transitions.participantToModerator)",
                        "\(transitions.participantToParticipant)",
                    ]
                ])
        html += "<h3>Floor share per group</h3>" + floorChart(dynamics)
        html +=
            "<h3>Speakers</h3>"
            + table(
                ["group", "speaker", "role", "turns", "words", "seconds", "floor share", "mean turn", "longest turn"],
                dynamics.speakers.map { speaker in
                    [
                        speaker.group, speaker.speaker, ReportNumbers.role(speaker.role), "\(speaker.turns)", "\(speaker.words)",
                        ReportNumbers.seconds(speaker.seconds), ReportNumbers.percent(speaker.floorShare),
                        speaker.meanTurnWords.map(ReportNumbers.rate) ?? "–", "\(speaker.longestTurnWords)",
                    ]
                })
        html += "<h3>How themes entered the talk</h3>"
        if dynamics.initiations.isEmpty { return html + "<p>No theme was coded in these documents in this round.</p></section>" }
        html += initiationTimeline(dynamics.initiations)
        html += table(
            ["theme", "document", "utterance", "time", "speaker's role", "prompted by the moderator"],
            dynamics.initiations.map { initiation in
                [
                    initiation.theme, initiation.document, "\(initiation.utterance)", ReportNumbers.clock(initiation.time),
                    ReportNumbers.role(initiation.role),
                    initiation.prompted ? "yes (utterance \(initiation.promptUtterance.map(String.init) ?? "?"))" : "no",
                ]
            })
        return html + "</section>"
    }

    /// The colour of a role's bars.
    private func colour(_ role: SpeakerRole) -> String {
        switch role {
        case .participant: Self.palette[0]
        case .moderator: Self.palette[1]
        case .observer: Self.palette[4]
        }
    }

    /// Per group, one horizontal bar per speaker, scaled to the largest floor share.
    private func floorChart(_ dynamics: ConversationDynamics) -> String {
        let labelWidth = 170
        let barSpace = 420
        let rowHeight = 18
        let headingHeight = 26
        let largest = dynamics.speakers.map(\.floorShare).max() ?? 0
        let groups = dynamics.groups.map(\.group)
        let height = headingHeight * groups.count + rowHeight * dynamics.speakers.count + 30
        let width = labelWidth + barSpace + 70
        var svg =
            "<svg role=\"img\" aria-label=\"Floor share of each speaker per group\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        var y = 0
        for group in groups {
            svg += "<text x=\"0\" y=\"\(y + 18)\" style=\"font-weight:bold\">\(escape(group))</text>"
            y += headingHeight
            for speaker in dynamics.speakers where speaker.group == group {
                let length = largest > 0 ? Int((Double(barSpace) * speaker.floorShare / largest).rounded()) : 0
                svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(escape(speaker.speaker))</text>"
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(length)\" height=\"\(rowHeight - 4)\" fill=\"\(colour(speaker.role))\"><title>\(escape(speaker.speaker)) (\(ReportNumbers.role(speaker.role))): \(ReportNumbers.percent(speaker.floorShare))</title></rect>"
                svg += "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + 13)\">\(ReportNumbers.percent(speaker.floorShare))</text>"
                y += rowHeight
            }
        }
        let legendY = y + 12
        for (position, role) in SpeakerRole.allCases.enumerated() {
            let x = labelWidth + position * 120
            svg +=
                "<rect x=\"\(x)\" y=\"\(legendY)\" width=\"12\" height=\"12\" fill=\"\(colour(role))\"/><text x=\"\(x + 18)\" y=\"\(legendY + 11)\">\(ReportNumbers.role(role))</text>"
        }
        return svg + "</svg>"
    }

    /// Per session, the initiations on a line: by time where every one has a time, else by
    /// utterance; filled when prompted by the moderator, open when raised spontaneously.
    private func initiationTimeline(_ initiations: [ConversationDynamics.Initiation]) -> String {
        var documents: [String] = []
        for initiation in initiations where !documents.contains(initiation.document) { documents.append(initiation.document) }
        let left = 60
        let span = 600
        let laneHeight = 104
        let width = left + span + 80
        let height = laneHeight * documents.count + 30
        var svg =
            "<svg role=\"img\" aria-label=\"When each theme entered the talk, per session\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        for (lane, document) in documents.enumerated() {
            let entries = initiations.filter { $0.document == document }
            let timed = entries.allSatisfy { $0.time != nil }
            let positions = entries.map { timed ? $0.time ?? 0 : Double($0.utterance) }
            let largest = max(positions.max() ?? 1, 1)
            let top = lane * laneHeight
            let axis = top + 74
            svg += "<text x=\"0\" y=\"\(top + 14)\" style=\"font-weight:bold\">\(escape(document))</text>"
            svg += "<line x1=\"\(left)\" x2=\"\(left + span)\" y1=\"\(axis)\" y2=\"\(axis)\" stroke=\"#999\"/>"
            svg +=
                "<text x=\"\(left)\" y=\"\(axis + 18)\" text-anchor=\"middle\" style=\"fill:#777\">\(timed ? ReportNumbers.clock(0) : "utterance 0")</text>"
            svg +=
                "<text x=\"\(left + span)\" y=\"\(axis + 18)\" text-anchor=\"middle\" style=\"fill:#777\">\(timed ? ReportNumbers.clock(largest) : "utterance \(Int(largest))")</text>"
            for (index, (entry, position)) in zip(entries, positions).enumerated() {
                let x = left + Int((Double(span) * position / largest).rounded())
                let labelY = axis - 12 - (index % 3) * 14
                let fill = entry.prompted ? Self.palette[1] : "#fff"
                let how = entry.prompted ? "prompted by the moderator" : "raised spontaneously"
                svg +=
                    "<circle cx=\"\(x)\" cy=\"\(axis)\" r=\"5\" fill=\"\(fill)\" stroke=\"\(Self.palette[1])\" stroke-width=\"2\"><title>\(escape(entry.theme)): utterance \(entry.utterance), \(ReportNumbers.clock(entry.time)), \(ReportNumbers.role(entry.role)), \(how)</title></circle>"
                svg += "<text x=\"\(x)\" y=\"\(labelY)\" text-anchor=\"middle\">\(escape(entry.theme))</text>"
            }
        }
        let legendY = laneHeight * documents.count + 8
        svg +=
            "<circle cx=\"\(left + 6)\" cy=\"\(legendY + 6)\" r=\"5\" fill=\"\(Self.palette[1])\"/><text x=\"\(left + 16)\" y=\"\(legendY + 10)\">prompted by the moderator</text>"
        svg +=
            "<circle cx=\"\(left + 226)\" cy=\"\(legendY + 6)\" r=\"5\" fill=\"#fff\" stroke=\"\(Self.palette[1])\" stroke-width=\"2\"/><text x=\"\(left + 236)\" y=\"\(legendY + 10)\">raised spontaneously</text>"
        return svg + "</svg>"
    }
}
