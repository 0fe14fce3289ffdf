import ArgumentParser
import CDAKit
import Foundation

struct AutocodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autocode", abstract: "Suggest codings from a dictionary (code<TAB>pattern); review the sheet, or --apply.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var filters: ScopeOptions
    @OptionGroup var coder: CoderOptions
    @Option(help: "The dictionary (TSV: code<TAB>pattern).") var dictionary: String
    @Option(help: "The round for the suggested codings (default: the current round).") var round: Int?
    @Flag(help: "Import the hits as codings (origin 'suggested') instead of writing a sheet.") var apply = false
    @Option(help: "Write the suggestion sheet to this file instead of standard output.") var out: String?
    @Flag(help: "Only count the hits per code and group; write no sheet.") var count = false

    func validate() throws {
        try Bounds.check(round, "--round", Bounds.round)
        if count && (apply || out != nil) { throw ValidationError("--count only counts; leave out --apply and --out.") }
    }

    func run() throws {
        let store = try project.open()
        let loaded = try CodingDictionary.load(path: dictionary)
        if count {
            for line in Self.summary(try AutoCoder.countHits(of: loaded, in: store, scope: filters.scope)) { print(line) }
            return
        }
        if apply {
            let hits = try AutoCoder.hits(of: loaded, in: store, scope: filters.scope)
            let result = try store.applyAutoCodes(hits, round: round, coder: coder.name, file: dictionary)
            for line in Self.summary(AutoCoder.counts(hits)) { print(line) }
            print("Added \(result.added) coding(s), \(result.alreadyPresent) already present, \(result.codesCreated.count) new code(s).")
            return
        }
        // The sheet is streamed as hits are found: memory stays flat however many there are.
        let sheetRound = try round ?? store.currentRound()
        let coderName = coder.name
        var counts = AutoCodeCounts()
        func writeSheet(_ output: BufferedOutput) throws {
            counts = try AutoCoder.writeSheet(
                of: loaded, in: store, scope: filters.scope, round: sheetRound, coder: coderName, to: output)
        }
        if let out {
            try AtomicFile.stream(to: out, writeSheet)
            for line in Self.summary(counts) { print(line) }
            print("Wrote the suggestions to \(out); review, then 'cda sheet import \(out)'.")
        } else {
            let output = BufferedOutput.standardOutput()
            try writeSheet(output)
            try output.flush()
            for line in Self.summary(counts) { Output.printError(line) }
        }
    }

    /// `N hit(s):`, then per code its hits per group.
    private static func summary(_ counts: AutoCodeCounts) -> [String] {
        ["\(counts.total) hit(s):"]
            + counts.perCode.sorted { $0.key < $1.key }.map { code, groups in
                "  \(code): " + groups.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }
    }
}
