import ArgumentParser
import CDAKit
import Foundation

struct CollocatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collocates", abstract: "Words that occur near a word, with an association score.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var filters: ScopeOptions
    @Argument(help: "The node word (* allowed).") var word: String
    @Option(help: "Words left,right of the node.") var window = "5,5"
    @Option(help: "mi, t, logdice or g2.") var measure = "logdice"
    @Option(name: .customLong("min-freq"), help: "The fewest co-occurrences.") var minFreq = 2
    @Flag(name: .customLong("no-stopwords"), help: "Leave out Dutch and English function words.") var noStopwords = false
    @Option(help: "The most collocates.") var limit = 25

    /// The window's left and right sides, when `--window` is two whole numbers.
    private var sides: (Int, Int)? {
        let parts = window.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let left = parts[0], let right = parts[1] else { return nil }
        return (left, right)
    }

    func validate() throws {
        try Bounds.check(minFreq, "--min-freq", Bounds.frequency)
        try Bounds.check(limit, "--limit", Bounds.limit)
        guard let (left, right) = sides else { throw ValidationError("--window must be L,R, e.g. 5,5.") }
        try Bounds.check(left, "--window (left)", Bounds.window)
        try Bounds.check(right, "--window (right)", Bounds.window)
        if left + right == 0 { throw ValidationError("--window must take at least one word on one side, e.g. 5,5.") }
        if Collocations.Measure(rawValue: measure) == nil { throw ValidationError("--measure must be mi, t, logdice or g2.") }
    }

    func run() throws {
        let (left, right) = sides ?? (5, 5)
        let collocates = try Collocations.find(
            node: word, in: try project.open(), scope: filters.scope, window: (left, right),
            measure: Collocations.Measure(rawValue: measure)!, minimumObserved: minFreq, limit: limit, skipStopWords: noStopwords)
        if output.json { return try Output.printJSON(collocates) }
        Output.printTable(
            ["collocate", "observed", "freq", "expected", measure],
            collocates.map {
                [$0.word, "\($0.observed)", "\($0.frequency)", String(format: "%.2f", $0.expected), String(format: "%.3f", $0.score)]
            })
    }
}
