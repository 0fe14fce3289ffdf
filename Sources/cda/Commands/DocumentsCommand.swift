import ArgumentParser
import CDAKit

struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "documents", abstract: "List the documents with their counts.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    @Option(
        help: ArgumentHelp("List the versions of one document's text (each revision keeps the one before).", valueName: "document"))
    var versions: String?

    func run() throws {
        if let versions { return try listVersions(of: versions) }
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

    private func listVersions(of id: String) throws {
        let versions = try project.open().documentVersions(of: id)
        if output.json { return try Output.printJSON(versions) }
        Output.printTable(
            ["version", "ingested", "revised", "utterances", "words", "file"],
            versions.map {
                ["\($0.version)", $0.ingestedAt, $0.revisedAt ?? "current", "\($0.utterances)", "\($0.words)", $0.sourcePath]
            })
    }
}
