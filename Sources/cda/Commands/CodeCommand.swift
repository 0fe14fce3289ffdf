import ArgumentParser
import CDAKit

struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code", abstract: "Attach codes to fragments, remove or reassign codings.",
        subcommands: [CodeAddCommand.self, CodeRemoveCommand.self, CodeReassignCommand.self])
}

struct CodeAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Code a fragment or a time span of the recording; the code is created when it does not exist (inductive coding).")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: CodingTarget
    @OptionGroup var coder: CoderOptions

    @Option(help: "The code's name.")
    var code: String

    @Option(help: "The round (1 or 2; default: the current round).")
    var round: Int?

    @Option(help: "A memo on this coding.")
    var memo: String?

    @Flag(name: .customLong("in-vivo"), help: "Mark a new code as in-vivo (taken from the participants' words).")
    var inVivo = false

    func validate() throws {
        try Bounds.check(round, "--round", Bounds.round)
    }

    func run() throws {
        let origin: CodeOrigin = inVivo ? .inVivo : .analyst
        let place = target.place
        if let document = place.document, let span = target.times.span(document: document) {
            let request = TimeSpanCodingRequest(span: span, codeName: code, round: round, coder: coder.name, memo: memo, origin: origin)
            let result = try project.open().addTimeSpanCoding(request)
            if output.json { return try Output.printJSON(result) }
            let created = result.createdCode ? " (new code)" : ""
            return print(
                result.alreadyCoded
                    ? "Already coded: \(result.span) with '\(result.code)' in round \(result.round); nothing added."
                    : "Coded \(result.span) with '\(result.code)'\(created) in round \(result.round) [time-span coding \(result.codingID)]."
            )
        }
        guard let fragment = place.fragment else { throw ValidationError("Missing expected argument '--utterance <utterance>'") }
        let request = CodingRequest(fragment: fragment, codeName: code, round: round, coder: coder.name, memo: memo, origin: origin)
        let result = try project.open().addCoding(request)
        if output.json { return try Output.printJSON(result) }
        let created = result.createdCode ? " (new code)" : ""
        print(
            result.alreadyCoded
                ? "Already coded: \(result.fragment) with '\(result.code)' in round \(result.round); nothing added."
                : "Coded \(result.fragment) with '\(result.code)'\(created) in round \(result.round) [coding \(result.codingID)].")
    }
}

struct CodeRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove codings (undoable with 'cda undo').")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var coderOptions: CoderOptions

    @Option(help: "The coding's id.")
    var id: Int64?

    @Option(name: .customLong("span-id"), help: "The time-span coding's id (see 'cda fragments times').")
    var spanID: Int64?

    @OptionGroup var place: FragmentPlace
    @OptionGroup var times: TimeSpanOptions

    @Option(help: "Only codings with this code.")
    var code: String?

    @Option(help: "Only codings of this round.")
    var round: Int?

    @Option(name: .customLong("by"), help: "Only codings by this coder.")
    var byCoder: String?

    @Flag(help: "All matching codings of the document (with --doc and no --utterance).")
    var all = false

    func validate() throws {
        try Bounds.check(round, "--round", Bounds.round)
        if id == nil && spanID == nil && place.document == nil {
            throw ValidationError(
                "Name the coding with --id (--span-id for a time span), or a fragment with --doc and --utterance (or --from-time and --to-time)."
            )
        }
        if times.isGiven && (place.document == nil || place.utterance != nil) {
            throw ValidationError("A time span needs --doc and no --utterance.")
        }
        if place.document != nil && place.utterance == nil && !times.isGiven && !all {
            throw ValidationError(
                "Add --utterance N (or --from-time and --to-time), or --all to remove every matching coding of the document.")
        }
    }

    func run() throws {
        var filter = CodingFilter(codingID: id, documentID: place.document, codeName: code, round: round, coder: byCoder)
        filter.fragment = place.fragment
        filter.timeSpanCodingID = spanID
        filter.timeSpan = place.document.flatMap { times.span(document: $0) }
        let removal = try project.open().removeCodings(filter, actor: coderOptions.name)
        print("Removed \(removal.removed) coding(s). 'cda undo' brings them back.")
    }
}

struct CodeReassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reassign", abstract: "Move a coding to another code (after 'cda codes split').")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var coder: CoderOptions

    @Option(help: "The coding's id.")
    var id: Int64

    @Option(help: "The code to move it to.")
    var code: String

    func run() throws {
        let entry = try project.open().reassignCoding(id, to: code, actor: coder.name)
        print(entry.summary)
    }
}
