import ArgumentParser
import CDAKit

struct SpeakersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "speakers", abstract: "List the speakers with their counts.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let speakers = try project.open().speakers()
        if output.json { return try Output.printJSON(speakers) }
        Output.printTable(
            ["id", "name", "role", "group", "documents", "utterances", "words"],
            speakers.map { [$0.id, $0.name, $0.role.rawValue, $0.group ?? "", "\($0.documents)", "\($0.utterances)", "\($0.words)"] })
    }
}
