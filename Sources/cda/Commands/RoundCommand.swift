import ArgumentParser
import CDAKit

struct RoundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round", abstract: "Start the second coding round and see progress per round.",
        subcommands: [RoundStartCommand.self, RoundStatusCommand.self])
}

struct RoundStartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start a round; round-2 codings are kept beside round-1 codings.")

    @OptionGroup var project: ProjectOptions
    @Argument(help: "The round (2).") var number: Int
    @Option(help: "The themes this round deepens, comma-separated.") var themes: String?

    func run() throws {
        let list = themes?.split(separator: ",").map { String($0) } ?? []
        switch try project.open().startRound(number, themes: list) {
        case .started:
            print(
                "Round \(number) started\(list.isEmpty ? "" : " for \(list.joined(separator: ", "))"). New codings go to round \(number).")
        case .alreadyUnderWay(let themes):
            print("Round \(number) is already under way\(themes.isEmpty ? "" : " for \(themes.joined(separator: ", "))"); nothing changed.")
        }
    }
}

struct RoundStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Codes, codings and coverage per round and group; what round 2 changed.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let status = try project.open().roundStatus()
        if output.json { return try Output.printJSON(status) }
        print(
            "Current round: \(status.currentRound)\(status.roundTwoThemes.isEmpty ? "" : " (round 2 deepens \(status.roundTwoThemes.joined(separator: ", ")))")"
        )
        var rows: [[String]] = []
        for round in status.rounds {
            rows.append([
                "\(round.round)", "all", "\(round.codes)", "\(round.codings)", "\(round.fragments)", "\(round.codedWords)",
                ReportNumbers.percent(round.coverage),
            ])
            for group in round.groups {
                rows.append(["", group.group, "", "", "", "\(group.codedWords)/\(group.words)", ReportNumbers.percent(group.coverage)])
            }
        }
        Output.printTable(["round", "group", "codes", "codings", "fragments", "coded words", "coverage"], rows)
        if status.currentRound >= 2 {
            print(
                "Round 2: \(status.codesAddedInRoundTwo.count) new code(s), \(status.recodedFragments) fragment(s) recoded, \(status.newFragments) new fragment(s)."
            )
        }
    }
}
