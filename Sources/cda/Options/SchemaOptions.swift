import ArgumentParser
import CDAKit

/// `--schemas DIR`: where the REFI-QDA schemas are (else $CDA_REFI_SCHEMAS, else the per-user data folder).
struct SchemaOptions: ParsableArguments {
    @Option(
        name: .customLong("schemas"),
        help: ArgumentHelp(
            "The folder with Project.xsd and Codebook.xsd (default: $CDA_REFI_SCHEMAS, else $XDG_DATA_HOME/cda/refi-qda, else ~/.local/share/cda/refi-qda).",
            valueName: "dir"))
    var directory: String?

    /// The schemas, or why none were found.
    func locate() throws -> REFISchemas {
        try REFISchemas.locate(explicit: directory)
    }

    /// The schemas, or `nil` after a note on standard error that schema validation is skipped.
    /// A folder named with `--schemas` that lacks them is an error.
    func locateOrSkip() throws -> REFISchemas? {
        if directory != nil { return try locate() }
        do {
            return try locate()
        } catch let error as ExchangeError {
            Output.printError(
                "note: schema validation skipped; cda's own checks ran (well-formed XML, GUIDs, references, positions). \(error)")
            return nil
        }
    }
}
