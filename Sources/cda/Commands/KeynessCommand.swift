import ArgumentParser
import CDAKit
import Foundation

struct KeynessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyness", abstract: "Words one group uses relatively more than another: G², Log Ratio, %DIFF.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var filters: ScopeOptions
    @Option(help: "Two groups A,B (values of --by; A against B), or one group with --against-rest.") var groups: String
    @Flag(name: .customLong("against-rest"), help: "Compare the group with all other talk.") var againstRest = false
    @Option(name: .customLong("min-freq"), help: "The fewest occurrences over both sides.") var minFreq = 3
    @Flag(name: .customLong("no-stopwords"), help: "Leave out Dutch and English function words.") var noStopwords = false
    @Option(help: "The most words each way.") var limit = 20
    @Option(help: "1 for words, 2 for bigrams.") var ngrams = 1

    func validate() throws {
        try Bounds.check(minFreq, "--min-freq", Bounds.frequency)
        try Bounds.check(limit, "--limit", Bounds.limit)
        let names = groups.split(separator: ",")
        if againstRest ? names.count != 1 : names.count != 2 { throw ValidationError("Give --groups A,B, or --groups A --against-rest.") }
        if !(1...3).contains(ngrams) { throw ValidationError("--ngrams must be 1, 2 or 3.") }
    }

    func run() throws {
        let names = groups.split(separator: ",").map(String.init)
        let result = try Keyness.compare(
            target: names[0], reference: againstRest ? nil : names[1], in: try project.open(), scope: filters.scope,
            ngrams: ngrams, minimumFrequency: minFreq, limit: limit, skipStopWords: noStopwords)
        if output.json { return try Output.printJSON(result) }
        for (title, entries) in [
            ("\(result.target) (\(result.targetTokens) tokens) more than \(result.reference)", result.targetKeywords),
            ("\(result.reference) (\(result.referenceTokens) tokens) more than \(result.target)", result.referenceKeywords),
        ] {
            print(title)
            Output.printTable(
                ["item", "freq", "ref freq", "G2", "Log Ratio", "%DIFF"],
                entries.map {
                    [
                        $0.item, "\($0.frequency)", "\($0.referenceFrequency)", String(format: "%.2f", $0.logLikelihood),
                        String(format: "%.2f", $0.logRatio), $0.percentDifference.map { String(format: "%.1f", $0) } ?? "∞",
                    ]
                })
            print("")
        }
    }
}
