import ArgumentParser
import CDAKit
import Foundation

struct KwicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kwic",
        abstract: "Keyword in context: every occurrence of a word, phrase or wildcard (digitalis*), with the codes already there.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var filters: ScopeOptions
    @OptionGroup var coder: CoderOptions
    @Argument(help: "The pattern: words, with * and ? as wildcards.") var pattern: String
    @Option(help: "Characters of context on each side.") var width = 40
    @Option(help: "left, right or position.") var sort = "position"
    @Option(help: "The most lines, after sorting (default: every hit).") var limit: Int?
    @Option(name: .customLong("code-as"), help: "Code every hit with this code (needs --yes).") var codeAs: String?
    @Option(help: "The round for --code-as.") var round: Int?
    @Flag(help: "Confirm --code-as.") var yes = false

    func validate() throws {
        try Bounds.check(width, "--width", Bounds.width)
        try Bounds.check(limit, "--limit", Bounds.limit)
        try Bounds.check(round, "--round", Bounds.round)
        if Concordance.Sort(rawValue: sort) == nil { throw ValidationError("--sort must be left, right or position.") }
        if width < 0 { throw ValidationError("--width must not be negative.") }
    }

    func run() throws {
        let store = try project.open()
        let scope = filters.scope
        guard let parsed = WordPattern(pattern, scope: scope) else { throw ValidationError("The pattern '\(pattern)' has no word.") }
        let lines = try Concordance.search(
            parsed, in: store, scope: scope, width: width, sort: Concordance.Sort(rawValue: sort)!, limit: codeAs == nil ? limit : nil)
        if let codeAs {
            guard yes else {
                print("\(lines.count) hit(s) for '\(pattern)'. Run again with --yes to code them all as '\(codeAs)'.")
                return
            }
            let result = try store.codeConcordance(lines, as: codeAs, round: round, coder: coder.name, pattern: pattern)
            print("Coded \(result.added) hit(s) as '\(codeAs)' (\(result.alreadyPresent) already coded).")
            return
        }
        if output.json { return try Output.printJSON(lines) }
        for line in lines {
            var left = String(repeating: " ", count: max(0, width - line.left.count)) + line.left
            // Foundation's replace is slow; most contexts have no line break to replace.
            if left.utf8.contains(UInt8(ascii: "\n")) { left = left.replacingOccurrences(of: "\n", with: " ") }
            let codes = line.codes.isEmpty ? "" : "  {\(line.codes.joined(separator: "; "))}"
            print("\(line.document):\(line.utterance) \(line.speaker ?? "?")  \(left) [\(line.keyword)] \(line.right)\(codes)")
        }
        print("\(lines.count) line(s)")
    }
}
