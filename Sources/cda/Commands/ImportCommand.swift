import ArgumentParser
import CDAKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a REFI-QDA project (.qdpx) or codebook (.qdc) from another QDA tool.",
        subcommands: [ImportQDPXCommand.self, ImportQDCCommand.self])
}

/// The flags shared by both imports.
struct ImportOptions: ParsableArguments {
    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var coder: CoderOptions
    @OptionGroup var schemas: SchemaOptions
    @Flag(
        help: "Repair ids that are not GUIDs and import what is valid from a file that fails the checks, listing every repair and omission."
    )
    var lenient = false
    @Option(
        help: ArgumentHelp(
            "The unit of selection positions: codepoints or utf16 (default: decided per source by where the selections fall).",
            valueName: "unit"))
    var positions: PositionUnit?
    @Option(
        help: ArgumentHelp(
            "How source texts are read: auto (paragraphs; a line starting with a case's name is that case's turn), text (paragraphs only) or turns (a transcript: labels and times).",
            valueName: "reading"))
    var sources: SourceReading = .auto

    /// The library options; without schemas, `cda`'s own checks run and a note says so.
    func exchangeOptions() throws -> REFIExchange.ImportOptions {
        .init(schemas: try schemas.locateOrSkip(), lenient: lenient, actor: coder.name, positions: positions, sources: sources)
    }

    /// Prints the report; fails with status 1 when something was left out.
    func print(_ result: ExchangeImportResult) throws {
        if output.json {
            try Output.printJSON(result)
        } else {
            Swift.print(
                "\(result.file): \(result.documentsAdded.count) document(s) added, \(result.documentsUnchanged.count) unchanged; \(result.speakers) speaker(s); \(result.codesCreated) code(s) created, \(result.codesMatched) matched; \(result.codingsAdded) coding(s) added to round \(result.round), \(result.codingsPresent) already present; \(result.memosAdded) memo(s); \(result.themesAdded) theme(s), \(result.mappingsAdded) mapping(s)."
            )
            if let schema = result.validatedWith { Swift.print("Checked against \(schema).") }
            list("Positions:", result.positions.map(\.summary))
            list("Repaired:", result.repairs)
            list("Left out:", result.leftOut)
            list("Recordings extracted and linked:", result.recordings)
            list("Not mapped:", result.notMapped)
        }
        if !result.isComplete {
            Output.printError("\(result.file): \(result.leftOut.count) item(s) were left out (listed above); the rest was imported.")
            throw ExitCode(1)
        }
    }

    private func list(_ title: String, _ lines: [String]) {
        guard !lines.isEmpty else { return }
        Swift.print(title)
        for line in lines { Swift.print("  - \(line)") }
    }
}

struct ImportQDPXCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qdpx", abstract: "Add a REFI-QDA project's documents, speakers, codes, codings and memos, all or nothing.",
        discussion:
            "Archives with entries outside their folder, absolute paths, links or oversized entries are refused, and so is a project.qde that fails Project.xsd or cda's own checks (GUIDs, references, positions) unless --lenient. Positions are read per source in the unit (code points or UTF-16 code units) that puts the selections on character, word and line boundaries; the report says which and why."
    )

    @OptionGroup var options: ImportOptions
    @Argument(help: "The project archive (.qdpx).") var file: String

    func run() throws {
        let store = try options.project.open()
        try options.print(REFIExchange.importProject(file, into: store, options: options.exchangeOptions()))
    }
}

struct ImportQDCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qdc", abstract: "Add a REFI-QDA codebook's codes (matched by GUID, else name) and sets (as themes), all or nothing.")

    @OptionGroup var options: ImportOptions
    @Argument(help: "The codebook (.qdc).") var file: String

    func run() throws {
        let store = try options.project.open()
        try options.print(REFIExchange.importCodebook(file, into: store, options: options.exchangeOptions()))
    }
}
