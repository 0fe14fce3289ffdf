import ArgumentParser
import CDAKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a document's utterances.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The document id.")
    var document: String

    @Option(help: "First utterance to show (1-based).")
    var from: Int?

    @Option(help: "Last utterance to show.")
    var to: Int?

    func validate() throws {
        try Bounds.check(from, "--from", Bounds.utterance)
        try Bounds.check(to, "--to", Bounds.utterance)
        if let from, from < 1 { throw ValidationError("--from must be 1 or more.") }
        if let from, let to, to < from { throw ValidationError("--to must not be before --from.") }
    }

    func run() throws {
        let range = (from ?? 1)...(to ?? Int.max)
        let utterances = try project.open().utterances(of: document, in: range)
        if output.json { return try Output.printJSON(utterances) }
        var section: String?
        for utterance in utterances {
            if utterance.section != section, let name = utterance.section { print("## \(name)") }
            section = utterance.section
            let end = utterance.end.map { "–\(Output.clock($0))" } ?? ""
            let time = utterance.start.map { "[\(Output.clock($0))\(end)] " } ?? ""
            print("\(utterance.index). \(time)\(utterance.speaker ?? "?"): \(utterance.text)")
        }
    }
}
