import ArgumentParser
import CDAKit
import Foundation

struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Codes or themes against groups, documents or speakers: fragments (or words) per cell.",
        discussion:
            "Speakers appear as P01, P02, … unless --speaker-labels is given; moderators and observers are left out unless included.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var grouping: GroupingOptions
    @OptionGroup var output: TableOutputOptions
    @Option(help: "The rows: codes or themes.") var rows = "codes"
    @Option(help: "The columns: groups, documents or speakers.") var cols = "groups"
    @Option(help: "What each cell counts: fragments or words.") var count = "fragments"
    @Option(help: "The round whose codings count (default: the latest).") var round: Int?
    @Flag(name: .customLong("include-moderators"), help: "Count moderators' and observers' talk too.") var includeModerators = false
    @Flag(name: .customLong("speaker-labels"), help: "Show speakers by their transcript labels instead of P01, P02, ….")
    var speakerLabels = false

    func validate() throws {
        try Bounds.check(round, "--round", Bounds.round)
        if CodeMatrix.RowKind(rawValue: rows) == nil { throw ValidationError("Unknown --rows value '\(rows)'. Use codes or themes.") }
        if CodeMatrix.ColumnKind(rawValue: cols) == nil {
            throw ValidationError("Unknown --cols value '\(cols)'. Use groups, documents or speakers.")
        }
        if MatrixCount(rawValue: count) == nil { throw ValidationError("Unknown --count value '\(count)'. Use fragments or words.") }
    }

    func run() throws {
        let store = try project.open()
        let options = CodeMatrixOptions(
            rows: CodeMatrix.RowKind(rawValue: rows) ?? .codes, columns: CodeMatrix.ColumnKind(rawValue: cols) ?? .groups, by: grouping.by,
            round: round.map(RoundChoice.number) ?? .latest, includeModerators: includeModerators, pseudonymize: !speakerLabels)
        let matrix = try store.codeMatrix(options)
        let count = MatrixCount(rawValue: count) ?? .fragments
        try output.emit(
            matrix, document: { matrix.document(count: count, language: $0) }, store: store,
            table: {
                let document = matrix.document(count: count)
                print(document.title)
                print(document.caption)
                print("")
                Output.printTable(document.header, document.rows)
            })
    }
}
