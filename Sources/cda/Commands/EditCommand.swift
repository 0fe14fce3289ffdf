import ArgumentParser
import CDAKit

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct one utterance of a stored transcript: its text, its speaker, a split or a merge; codings follow their words.",
        discussion: """
            Each edit is a revision of the document, one step in the history: 'cda undo' takes it back exactly, and
            'cda documents --versions DOCUMENT' lists the text before it. Codings whose words an edit removes are
            conflicts: by default nothing is written and every one is listed.
            """)

    @OptionGroup var project: ProjectOptions
    @Argument(help: "The document.") var document: String
    @Argument(help: "The utterance (1-based, as 'cda show' numbers them).") var utterance: Int
    @Option(help: "The utterance's corrected text.") var text: String?
    @Option(help: "The speaker label to give the utterance (one the project knows).") var speaker: String?
    @Option(name: .customLong("split-at"), help: "Split the utterance before this character (a code point offset, as 'cda show' counts).")
    var splitAt: Int?
    @Flag(name: .customLong("merge-next"), help: "Merge the utterance with the next one (same speaker).") var mergeNext = false
    @Option(
        name: .customLong("on-conflict"),
        help:
            "Codings whose words the edit removes: refuse (write nothing), keep-utterance (keep on the utterance, marked for review) or drop."
    )
    var onConflict = RevisionPolicy.refuse.rawValue
    @Flag(name: .customLong("dry-run"), help: "Show where every coding would go; write nothing.") var dryRun = false
    @OptionGroup var coder: CoderOptions

    func validate() throws {
        try Bounds.check(utterance, "the utterance", Bounds.limit)
        if let splitAt { try Bounds.check(splitAt, "--split-at", Bounds.limit) }
        let chosen = [text != nil, speaker != nil, splitAt != nil, mergeNext].filter { $0 }.count
        if chosen != 1 { throw ValidationError("Give exactly one of --text, --speaker, --split-at or --merge-next.") }
        if RevisionPolicy(rawValue: onConflict) == nil {
            throw ValidationError("Unknown policy '\(onConflict)'. Use one of: refuse, keep-utterance, drop.")
        }
    }

    var edit: TranscriptEdit {
        if let text { return .text(utterance: utterance, to: text) }
        if let speaker { return .speaker(utterance: utterance, to: speaker) }
        if let splitAt { return .split(utterance: utterance, at: splitAt) }
        return .mergeWithNext(utterance: utterance)
    }

    func run() throws {
        let (revision, step) = try project.open().edit(
            document, edit, onConflict: RevisionPolicy(rawValue: onConflict) ?? .refuse, actor: coder.name, dryRun: dryRun)
        let verb = revision.isRefused ? "would refuse" : dryRun ? "would edit" : "edited"
        print("\(verb): \(document), \(edit.summary)" + (step.map { " [step \($0.id)]" } ?? ""))
        IngestReport.printRevision(revision, file: document, everyCoding: dryRun)
        guard revision.isRefused else { return }
        for line in revision.conflictLines(file: document) { Output.printError(line) }
        Output.printError("Nothing was written. To edit anyway, run one of:")
        for policy in [RevisionPolicy.keepUtterance, .drop] { Output.printError("  \(ConflictRerun.commandLine(with: policy))") }
        throw ExitCode(1)
    }
}
