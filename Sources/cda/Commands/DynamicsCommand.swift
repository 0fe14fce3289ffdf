import ArgumentParser
import CDAKit
import Foundation

struct DynamicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dynamics",
        abstract: "Who holds the floor, how evenly participants speak, who answers whom, and whether each theme was raised or prompted.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var grouping: GroupingOptions
    @Option(name: .customLong("doc"), parsing: .upToNextOption, help: "Only these documents (default: all).") var documents: [String] = []
    @Option(help: "The round whose codings show how themes entered the talk (default: the latest).") var round: Int?
    @Flag(help: "Show speakers as P01, P02, … instead of their transcript labels.") var pseudonymize = false

    func validate() throws {
        try Bounds.check(round, "--round", Bounds.round)
    }

    func run() throws {
        let options = DynamicsOptions(
            by: grouping.by, documents: documents, round: round.map(ReportOptions.RoundChoice.number) ?? .latest,
            pseudonymize: pseudonymize)
        let dynamics = try project.open().conversationDynamics(options)
        if output.json { return try Output.printJSON(dynamics) }
        func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
        func role(_ role: SpeakerRole?) -> String { role?.rawValue ?? "unknown" }
        print("Participation per \(grouping.by)")
        Output.printTable(
            ["group", "participants", "silent", "turns", "words", "Gini", "moderator share"],
            dynamics.groups.map {
                [
                    $0.group, "\($0.participants)", "\($0.silentParticipants)", "\($0.turns)", "\($0.words)",
                    $0.gini.map { String(format: "%.3f", $0) } ?? "–", percent($0.moderatorShare),
                ]
            })
        print("")
        print("Turn transitions")
        let transitions = dynamics.transitions
        Output.printTable(
            ["moderator → participant", "participant → moderator", "participant → participant"],
            [
                [
                    "\(transitions.moderatorToParticipant)", "\(transitions.participantToModerator)",
                    "\(transitions.participantToParticipant)",
                ]
            ])
        print("")
        print("Speakers")
        Output.printTable(
            ["group", "speaker", "role", "turns", "words", "seconds", "floor share", "mean turn", "longest turn"],
            dynamics.speakers.map {
                [
                    $0.group, $0.speaker, role($0.role), "\($0.turns)", "\($0.words)", $0.seconds.map { String(format: "%.0f", $0) } ?? "–",
                    percent($0.floorShare), $0.meanTurnWords.map { String(format: "%.1f", $0) } ?? "–", "\($0.longestTurnWords)",
                ]
            })
        print("")
        print("How themes entered the talk")
        Output.printTable(
            ["theme", "document", "utterance", "time", "role", "prompted"],
            dynamics.initiations.map {
                [
                    $0.theme, $0.document, "\($0.utterance)", Output.clock($0.time), role($0.role),
                    $0.prompted ? "yes, utterance \($0.promptUtterance.map(String.init) ?? "?")" : "no",
                ]
            })
    }
}
