import ArgumentParser
import CDAKit
import Foundation

struct FragmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fragments", abstract: "List coded fragments; select exemplars for interpretation.",
        subcommands: [FragmentsListCommand.self, FragmentsTimesCommand.self, FragmentsSelectCommand.self, FragmentsUnselectCommand.self],
        defaultSubcommand: FragmentsListCommand.self)
}

struct FragmentsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The coded text of a code, with document, utterance, speaker and group.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "The code (default: all coded fragments).") var code: String?
    @Option(help: "Only codings of this round.") var round: Int?
    @Flag(help: "Only fragments selected for interpretation.") var selected = false
    @Flag(help: "Only codings a revision kept on their utterance for review, with why.") var review = false

    func validate() throws {
        try Bounds.check(round, "--round", Bounds.round)
    }

    func run() throws {
        let fragments = try project.open().fragments(code: code, round: round, selectedOnly: selected, forReview: review)
        if output.json { return try Output.printJSON(fragments) }
        for view in fragments {
            let mark = view.selected ? " ★" : ""
            print("\(view.fragment) \(view.speaker ?? "?") [\(view.group ?? "-")] {\(view.codes.joined(separator: "; "))}\(mark)")
            print("    \(view.text.replacingOccurrences(of: "\n", with: "\n    "))")
            for note in view.review ?? [] { print("    ⚑ to review: \(note)") }
        }
        if !output.json { print("\(fragments.count) fragment(s)") }
        guard !selected else { return }
        let spans = try project.open().timeSpanCodings(round: round).filter { code == nil || $0.code == code }
        if !spans.isEmpty { FragmentsTimesCommand.printList(spans) }
    }
}

struct FragmentsTimesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "times", abstract: "List time-span codings (stretches of a recording coded without words).")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("doc"), help: "Only this document's time spans.") var document: String?
    @Option(help: "Only codings of this round.") var round: Int?

    func validate() throws {
        try Bounds.check(round, "--round", Bounds.round)
    }

    func run() throws {
        let spans = try project.open().timeSpanCodings(of: document, round: round)
        if output.json { return try Output.printJSON(spans) }
        Self.printList(spans)
    }

    /// One line per coding: id, span, length, code, round and coder.
    static func printList(_ spans: [TimeSpanCoding]) {
        for coding in spans {
            let seconds = TimeSpan.secondsText(coding.span.lengthMilliseconds)
            print("[\(coding.id)] \(coding.span) (\(seconds) s) {\(coding.code)} round \(coding.round), \(coding.coder)")
        }
        print("\(spans.count) time-span coding(s)")
    }
}

struct FragmentsSelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select", abstract: "Mark a fragment as selected for interpretation (reports use it as an exemplar).")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var target: FragmentOptions
    @Option(help: "A note on why it was selected.") var note: String?

    func run() throws {
        let fragment = try project.open().selectFragment(target.fragment, note: note)
        print("Selected \(fragment).")
    }
}

struct FragmentsUnselectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unselect", abstract: "Remove a fragment from the selection.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var target: FragmentOptions

    func run() throws {
        let fragment = try project.open().selectFragment(target.fragment, note: nil, selected: false)
        print("Unselected \(fragment).")
    }
}
