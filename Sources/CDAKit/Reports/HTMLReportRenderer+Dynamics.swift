extension HTMLReportRenderer {
    /// The conversation dynamics: tables, a bar chart of floor shares per group and a timeline of
    /// initiations per session.
    func dynamicsSection(_ dynamics: ConversationDynamics) -> String {
        let text = language
        var html =
            "<section id=\"dynamics\"><h2>\(escape(text(.dynamics)))</h2><h3>\(escape(text(.participationPerGroup)))</h3>"
        html += table(
            [.group, .participants, .silent, .turns, .words, .gini, .moderatorShare].map { text($0) },
            dynamics.groups.map { group in
                [
                    group.group, "\(group.participants)", "\(group.silentParticipants)", "\(group.turns)", "\(group.words)",
                    numbers.statistic(group.gini), numbers.percent(group.moderatorShare),
                ]
            })
        let transitions = dynamics.transitions
        html +=
            "<h3>\(escape(text(.turnTransitions)))</h3>"
            + table(
                [.moderatorToParticipant, .participantToModerator, .participantToParticipant].map { text($0) },
                [
                    [
                        "\(transitions.moderatorToParticipant)", "\(transitions.participantToModerator)",
                        "\(transitions.participantToParticipant)",
                    ]
                ])
        html += "<h3>\(escape(text(.floorSharePerGroup)))</h3>" + floorChart(dynamics)
        html +=
            "<h3>\(escape(text(.speakersHeading)))</h3>"
            + table(
                [.group, .speaker, .role, .turns, .words, .seconds, .floorShare, .meanTurn, .longestTurn].map { text($0) },
                dynamics.speakers.map { speaker in
                    [
                        speaker.group, speaker.speaker, text.role(speaker.role), "\(speaker.turns)", "\(speaker.words)",
                        ReportNumbers.seconds(speaker.seconds), numbers.percent(speaker.floorShare),
                        speaker.meanTurnWords.map(numbers.rate) ?? "–", "\(speaker.longestTurnWords)",
                    ]
                })
        html += "<h3>\(escape(text(.themesEntered)))</h3>"
        if dynamics.initiations.isEmpty { return html + "<p>\(escape(text(.noInitiations)))</p></section>" }
        html += initiationTimeline(dynamics.initiations)
        html += table(
            [.theme, .document, .utterance, .time, .speakersRole, .prompted].map { text($0) },
            dynamics.initiations.map { initiation in
                [
                    initiation.theme, initiation.document, "\(initiation.utterance)", ReportNumbers.clock(initiation.time),
                    text.role(initiation.role),
                    initiation.prompted ? text(.promptedAt, initiation.promptUtterance.map(String.init) ?? "?") : text(.no),
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
            "<svg role=\"img\" aria-label=\"\(escape(language(.floorChartLabel)))\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        var y = 0
        for group in groups {
            svg += "<text x=\"0\" y=\"\(y + 18)\" style=\"font-weight:bold\">\(escape(group))</text>"
            y += headingHeight
            for speaker in dynamics.speakers where speaker.group == group {
                let length = largest > 0 ? Int((Double(barSpace) * speaker.floorShare / largest).rounded()) : 0
                svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(escape(speaker.speaker))</text>"
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(length)\" height=\"\(rowHeight - 4)\" fill=\"\(colour(speaker.role))\"><title>\(escape(speaker.speaker)) (\(escape(language.role(speaker.role)))): \(numbers.percent(speaker.floorShare))</title></rect>"
                svg += "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + 13)\">\(numbers.percent(speaker.floorShare))</text>"
                y += rowHeight
            }
        }
        let legendY = y + 12
        for (position, role) in SpeakerRole.allCases.enumerated() {
            let x = labelWidth + position * 120
            svg +=
                "<rect x=\"\(x)\" y=\"\(legendY)\" width=\"12\" height=\"12\" fill=\"\(colour(role))\"/><text x=\"\(x + 18)\" y=\"\(legendY + 11)\">\(escape(language.role(role)))</text>"
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
            "<svg role=\"img\" aria-label=\"\(escape(language(.timelineLabel)))\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
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
                "<text x=\"\(left)\" y=\"\(axis + 18)\" text-anchor=\"middle\" style=\"fill:#777\">\(timed ? ReportNumbers.clock(0) : escape(language(.utteranceNumber, "0")))</text>"
            svg +=
                "<text x=\"\(left + span)\" y=\"\(axis + 18)\" text-anchor=\"middle\" style=\"fill:#777\">\(timed ? ReportNumbers.clock(largest) : escape(language(.utteranceNumber, "\(Int(largest))")))</text>"
            for (index, (entry, position)) in zip(entries, positions).enumerated() {
                let x = left + Int((Double(span) * position / largest).rounded())
                let labelY = axis - 12 - (index % 3) * 14
                let fill = entry.prompted ? Self.palette[1] : "#fff"
                let how = language(entry.prompted ? .prompted : .raisedSpontaneously)
                svg +=
                    "<circle cx=\"\(x)\" cy=\"\(axis)\" r=\"5\" fill=\"\(fill)\" stroke=\"\(Self.palette[1])\" stroke-width=\"2\"><title>\(escape(entry.theme)): \(escape(language(.utteranceNumber, "\(entry.utterance)"))), \(ReportNumbers.clock(entry.time)), \(escape(language.role(entry.role))), \(escape(how))</title></circle>"
                svg += "<text x=\"\(x)\" y=\"\(labelY)\" text-anchor=\"middle\">\(escape(entry.theme))</text>"
            }
        }
        let legendY = laneHeight * documents.count + 8
        svg +=
            "<circle cx=\"\(left + 6)\" cy=\"\(legendY + 6)\" r=\"5\" fill=\"\(Self.palette[1])\"/><text x=\"\(left + 16)\" y=\"\(legendY + 10)\">\(escape(language(.prompted)))</text>"
        svg +=
            "<circle cx=\"\(left + 226)\" cy=\"\(legendY + 6)\" r=\"5\" fill=\"#fff\" stroke=\"\(Self.palette[1])\" stroke-width=\"2\"/><text x=\"\(left + 236)\" y=\"\(legendY + 10)\">\(escape(language(.raisedSpontaneously)))</text>"
        return svg + "</svg>"
    }
}
