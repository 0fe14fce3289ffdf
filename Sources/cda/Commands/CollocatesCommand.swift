import ArgumentParser
import CDAKit
import Foundation

struct CollocatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "collocates", abstract: "Words that occur near a word, with an association score.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var filters: ScopeOptions
    @Argument(help: "The node word (* allowed).") var word: String
    @Option(help: "Words left,right of the node.") var window = "5,5"
    @Option(help: "mi, t, logdice or g2.") var measure = "logdice"
    @Option(name: .customLong("min-freq"), help: "The fewest co-occurrences.") var minFreq = 2
    @Flag(name: .customLong("no-stopwords"), help: "Leave out Dutch and English function words.") var noStopwords = false
    @Option(help: "The most collocates.") var limit = 25

    func validate() throws {
        let parts = window.split(separator: ",").compactMap { Int($0) }
        if parts.count != 2 || parts.contains(where: { $0 < 0 }) || parts.reduce(0, +) == 0 { throw ValidationError("--window must be L,R, e.g. 5,5.") }
        if Collocations.Measure(rawValue: measure) == nil { throw ValidationError("--measure must be mi, t, logdice or g2.") }
    }

    func run() throws {
        let parts = window.split(separator: ",").compactMap { Int($0) }
        let collocates = try Collocations.find(node: word, in: try project.open(), scope: filters.scope, window: (parts[0], parts[1]),
                                               measure: Collocations.Measure(rawValue: measure)!, minimumObserved: minFreq, limit: limit, skipStopWords: noStopwords)
        if output.json { return try Output.printJSON(collocates) }
        Output.printTable(["collocate", "observed", "freq", "expected", measure], collocates.map {
            [$0.word, "\($0.observed)", "\($0.frequency)", String(format: "%.2f", $0.expected), String(format: "%.3f", $0.score)]
        })
    }
}
