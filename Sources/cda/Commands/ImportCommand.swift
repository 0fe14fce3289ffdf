import ArgumentParser
import CDAKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a REFI-QDA project (.qdpx) or codebook (.qdc) from another QDA tool.",
        subcommands: [ImportQDPXCommand.self, ImportQDCCommand.self])
}

/// No schemas were found for a strict import.
private struct SchemaMissing: Error, CustomStringConvertible {
    var description: String
}

/// The flags shared by both imports.
struct ImportOptions: ParsableArguments {
    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var coder: CoderOptions
    @OptionGroup var schemas: SchemaOptions
    @Flag(help: "Import what is valid from a file that fails the schema (or when no schema is found), and list the rest.")
    var lenient = false

    /// The library options; without schemas, only a lenient import goes on.
    func exchangeOptions() throws -> REFIExchange.ImportOptions {
        do {
            return .init(schemas: try schemas.locate(), lenient: lenient, actor: coder.name)
        } catch let error as ExchangeError where lenient {
            Output.printError("note: not validated against the schema. \(error)")
            return .init(schemas: nil, lenient: true, actor: coder.name)
        } catch let error as ExchangeError {
            throw SchemaMissing(description: "\(error) Or use --lenient to import without schema validation.")
        }
    }

    func print(_ result: ExchangeImportResult) throws {
        if output.json { return try Output.printJSON(result) }
        Swift.print("\(result.file): \(result.documentsAdded.count) document(s) added, \(result.documentsUnchanged.count) unchanged; \(result.speakers) speaker(s); \(result.codesCreated) code(s) created, \(result.codesMatched) matched; \(result.codingsAdded) coding(s) added, \(result.codingsPresent) already present; \(result.memosAdded) memo(s); \(result.themesAdded) theme(s), \(result.mappingsAdded) mapping(s).")
        if let schema = result.validatedWith { Swift.print("Checked against \(schema).") }
        if !result.notMapped.isEmpty {
            Swift.print("Not mapped:")
            result.notMapped.forEach { Swift.print("  - \($0)") }
        }
    }
}

struct ImportQDPXCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qdpx", abstract: "Add a REFI-QDA project's documents, speakers, codes, codings and memos, all or nothing.",
        discussion: "Archives with entries outside their folder, absolute paths, links or oversized entries are refused, and so is a project.qde that fails Project.xsd unless --lenient.")

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
