import ArgumentParser
import CDAKit

struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "documents", abstract: "List the documents with their counts.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let documents = try project.open().documents()
        if output.json { return try Output.printJSON(documents) }
        Output.printTable(
            ["id", "title", "format", "group", "session", "utterances", "speakers", "words"],
            documents.map {
                [
                    $0.id, $0.title, $0.format.rawValue, $0.group ?? "", $0.session ?? "", "\($0.utterances)", "\($0.speakers)",
                    "\($0.words)",
                ]
            })
    }
}
