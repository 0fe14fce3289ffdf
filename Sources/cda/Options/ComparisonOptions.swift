import ArgumentParser
import CDAKit
import Foundation

/// Which coders, round, documents and codes `agreement` and `consensus` compare.
struct ComparisonOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The coders to compare, comma-separated (two or more).", valueName: "A,B[,C…]"))
    var coders: String

    @Option(help: "The round to compare (default: the current round).")
    var round: Int?

    @Option(
        name: .customLong("doc"), parsing: .upToNextOption,
        help: "Only these documents (default: every document one of the coders coded in the round).")
    var documents: [String] = []

    @Option(parsing: .upToNextOption, help: "Only these codes (default: every code one of the coders used).")
    var codes: [String] = []

    @Flag(name: .customLong("include-moderators"), help: "Also compare on moderators' and observers' utterances.")
    var includeModerators = false

    /// The coders as listed, trimmed.
    var coderNames: [String] {
        coders.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        try Bounds.check(round, "--round", Bounds.round)
        if Set(coderNames).count < 2 { throw ValidationError("Give two or more different coders: --coders A,B (not '\(coders)').") }
    }

    /// The library's options for a unit of comparison.
    func options(unit: AgreementUnit = .utterance) -> AgreementOptions {
        AgreementOptions(
            coders: coderNames, round: round, documents: documents, codes: codes, unit: unit, includeModerators: includeModerators)
    }
}
