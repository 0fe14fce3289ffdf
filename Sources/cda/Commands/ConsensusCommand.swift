import ArgumentParser
import CDAKit
import Foundation

struct ConsensusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consensus",
        abstract: "Add the codings all coders agree on (per utterance) under a consensus coder; write the disagreements to settle.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var comparison: ComparisonOptions
    @Option(name: .customLong("as"), help: "The consensus coder the agreed codings are added under.") var name: String
    @Option(help: "Write the disagreements as a coding sheet for the consensus coder: keep the rows to code, delete the others, import it.")
    var disagreements: String?

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--as needs a name for the consensus coder, for example --as consensus.")
        }
        if comparison.coderNames.contains(name) {
            throw ValidationError("--as '\(name)' is one of the coders compared; choose another name.")
        }
    }

    func run() throws {
        let result = try project.open().consensus(comparison.options(), as: name)
        var note = "\(result.disagreements.count) disagreement(s)"
        if let disagreements {
            let sheet = Disagreement.sheet(result.disagreements, coders: result.coders, round: result.round, coder: result.coder)
            try AtomicFile.write(sheet, to: disagreements)
            note += " written to \(disagreements): keep the rows to code, delete the others, then 'cda sheet import \(disagreements)'."
        } else {
            note += "; write them to a sheet with --disagreements FILE."
        }
        if output.json {
            try Output.printJSON(result)
            Output.printError(note)
            return
        }
        print(
            "Consensus of \(Format.names(result.coders)) in round \(result.round) as '\(result.coder)': \(result.agreed) agreed coding(s), \(result.added) added, \(result.alreadyPresent) already present."
        )
        if !result.retiredCodes.isEmpty { print("Not added (retired codes): \(result.retiredCodes.joined(separator: ", ")).") }
        print(note)
    }
}
