import ArgumentParser
import CDAKit
import Foundation

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest", abstract: "Suggestions that change nothing until you act on them.",
        subcommands: [SuggestMergesCommand.self, SuggestInVivoCommand.self])
}

struct SuggestMergesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merges", abstract: "Code pairs that may mean the same, with the reasons.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The most pairs to list.") var limit = 30

    func validate() throws {
        try Bounds.check(limit, "--limit", Bounds.limit)
    }

    func run() throws {
        let suggestions = try project.open().mergeSuggestions(limit: limit)
        if output.json { return try Output.printJSON(suggestions) }
        for suggestion in suggestions {
            print(
                String(format: "%.2f", suggestion.score) + "  '\(suggestion.first)' + '\(suggestion.second)': "
                    + suggestion.reasons.joined(separator: "; "))
        }
        if suggestions.isEmpty { print("No candidate merges.") }
    }
}

struct SuggestInVivoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "in-vivo", abstract: "Expressions distinctive of participants' talk: candidates for in-vivo codes.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this group's participants (against all other talk).") var group: String?
    @Option(help: "The most suggestions.") var limit = 25

    func validate() throws {
        try Bounds.check(limit, "--limit", Bounds.limit)
    }

    func run() throws {
        let suggestions = try project.open().inVivoSuggestions(group: group, limit: limit)
        if output.json { return try Output.printJSON(suggestions) }
        Output.printTable(
            ["expression", "group", "freq", "ref", "speakers", "G2", "examples"],
            suggestions.map {
                [
                    $0.expression, $0.group ?? "", "\($0.frequency)", "\($0.referenceFrequency)", "\($0.speakers)",
                    String(format: "%.2f", $0.logLikelihood), $0.examples.joined(separator: " "),
                ]
            })
    }
}
