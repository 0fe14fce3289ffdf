import ArgumentParser
import CDAKit

/// Prints what an export wrote and left out.
private func report(_ result: ExchangeExportResult, json: Bool, schemaNote: String?) throws {
    if json { return try Output.printJSON(result) }
    let counts = result.counts
    if result.file.lowercased().hasSuffix(".qdc") {
        print("Wrote \(result.file): \(counts.codes) code(s), \(counts.themes) set(s).")
    } else {
        print(
            "Wrote \(result.file): \(counts.documents) document(s), \(counts.codes) code(s), \(counts.selections) selection(s) with \(counts.codings) coding(s), \(counts.notes) note(s), \(counts.speakers) case(s), \(counts.users) user(s), \(counts.themes) set(s)."
        )
    }
    if let schema = result.validatedWith { print("Valid against \(schema).") }
    if let schemaNote { Output.printError("note: not validated. \(schemaNote)") }
    if !result.omitted.isEmpty {
        print("Not exported:")
        for omitted in result.omitted { print("  - \(omitted)") }
    }
}

struct ExportQDPXCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qdpx", abstract: "Write the project as a REFI-QDA project (.qdpx) for other QDA tools.",
        discussion:
            "Sources are plain texts, one line per utterance ('LABEL: text'); codings are selections counted in Unicode code points from 0, end exclusive (--positions utf16 counts UTF-16 code units). A project with codes and no documents is written as a codebook-only project. The file is validated against Project.xsd when the schemas are found."
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var schemas: SchemaOptions
    @Argument(help: "The archive to write (.qdpx).") var file: String
    @Option(help: "Only codings of this round (1 or 2).") var round: Int?
    @Option(
        help: ArgumentHelp(
            "The unit of selection positions: codepoints (the standard's characters) or utf16 (for tools that count UTF-16 code units).",
            valueName: "unit"))
    var positions: PositionUnit = .codePoints

    func validate() throws {
        try Bounds.check(round, "--round", Bounds.round)
    }

    func run() throws {
        var found: REFISchemas?
        var note: String?
        do { found = try schemas.locate() } catch { note = String(describing: error) }
        let result = try REFIExchange.exportProject(project.open(), to: file, round: round, positions: positions, schemas: found)
        try report(result, json: output.json, schemaNote: note)
    }
}

struct ExportQDCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qdc", abstract: "Write the code system and themes as a REFI-QDA codebook (.qdc).",
        discussion:
            "Codes keep their hierarchy, colours, descriptions and GUIDs; themes are sets of codes. The file is validated against Codebook.xsd when the schemas are found."
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var schemas: SchemaOptions
    @Argument(help: "The codebook to write (.qdc).") var file: String

    func run() throws {
        var found: REFISchemas?
        var note: String?
        do { found = try schemas.locate() } catch { note = String(describing: error) }
        let result = try REFIExchange.exportCodebook(project.open(), to: file, schemas: found)
        try report(result, json: output.json, schemaNote: note)
    }
}
