import ArgumentParser
import CDAKit
import Foundation

struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract:
            "Intercoder agreement per code and overall: percent agreement, Cohen's and Fleiss' kappa, Krippendorff's alpha, Brennan–Prediger."
    )

    enum Unit: String, ExpressibleByArgument, CaseIterable {
        case utterance, segment
    }

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var comparison: ComparisonOptions
    @Option(help: "What is compared: each utterance (present/absent per code), or the coded segments.") var unit: Unit = .utterance
    @Option(
        name: .customLong("min-overlap"),
        help: "With --unit segment: the share of two segments' union they must share to match (default 0.9).")
    var minOverlap: Double?
    @Option(help: "Write a coding sheet with one row per unit and code where the coders differ.") var disagreements: String?

    func validate() throws {
        try Bounds.check(minOverlap, "--min-overlap", Bounds.share)
        if minOverlap != nil && unit != .segment { throw ValidationError("--min-overlap applies to --unit segment.") }
    }

    func run() throws {
        let chosen: AgreementUnit = unit == .segment ? .segment(minimumOverlap: minOverlap ?? 0.9) : .utterance
        let report = try project.open().agreement(comparison.options(unit: chosen), withTexts: disagreements != nil)
        var note: String?
        if let disagreements {
            try AtomicFile.write(Disagreement.sheet(report.disagreements, coders: report.coders, round: report.round), to: disagreements)
            note = "Wrote \(report.disagreements.count) disagreement(s) to \(disagreements)."
        }
        if output.json {
            try Output.printJSON(report)
            if let note { Output.printError(note) }
            return
        }
        AgreementTable.print(report, suggestSheet: disagreements == nil)
        if let note { print(note) }
    }
}
