import ArgumentParser
import CDAKit

/// `--schemas DIR`: where the REFI-QDA schemas are (else $CDA_REFI_SCHEMAS, else ../shared/standards/refi-qda).
struct SchemaOptions: ParsableArguments {
    @Option(name: .customLong("schemas"), help: ArgumentHelp(
        "The folder with Project.xsd and Codebook.xsd (default: $CDA_REFI_SCHEMAS, else ../shared/standards/refi-qda).",
        valueName: "dir"))
    var directory: String?

    /// The schemas, or why none were found.
    func locate() throws -> REFISchemas {
        try REFISchemas.locate(explicit: directory)
    }
}
