import ArgumentParser
import CDAKit
import Foundation

struct CoOccurrenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cooccurrence",
        abstract: "Which codes (or themes) occur together on overlapping fragments or in one utterance, with the Jaccard coefficient.",
        discussion:
            "Unit fragment: coded spans that share at least one code point of an utterance are joined into one unit. Unit utterance: both cover part of one utterance. Jaccard = units with both / units with either."
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: TableOutputOptions
    @Option(help: "Only these codes, comma-separated (default: every code with codings in the round).") var codes: String?
    @Flag(help: "Pair themes instead of codes.") var themes = false
    @Option(help: "What two items must share: fragment or utterance.") var unit = "fragment"
    @Option(help: "The round whose codings count (default: the latest).") var round: Int?
    @Flag(name: .customLong("include-moderators"), help: "Count moderators' and observers' talk too.") var includeModerators = false

    func validate() throws {
        try Bounds.check(round, "--round", Bounds.round)
        if CoOccurrence.Unit(rawValue: unit) == nil { throw ValidationError("Unknown --unit value '\(unit)'. Use fragment or utterance.") }
        if themes, codes != nil { throw ValidationError("--codes and --themes cannot be combined: pair either codes or themes.") }
        if let codes, codeNames.count < 2 || codes.split(separator: ",", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw ValidationError("--codes '\(codes)' must name at least two codes, separated by commas.")
        }
    }

    var codeNames: [String] { codes?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? [] }

    func run() throws {
        let store = try project.open()
        let options = CoOccurrenceOptions(
            items: themes ? .themes : .codes, codes: codeNames, unit: CoOccurrence.Unit(rawValue: unit) ?? .fragment,
            round: round.map(RoundChoice.number) ?? .latest, includeModerators: includeModerators)
        let cooccurrence = try store.coOccurrence(options)
        try output.emit(
            cooccurrence, document: { cooccurrence.document(language: $0) }, store: store,
            table: {
                let document = cooccurrence.document()
                print(document.title)
                print(document.caption)
                print("")
                if document.rows.isEmpty { return print(document.notes.first ?? "") }
                Output.printTable(document.header, document.rows)
            })
    }
}
