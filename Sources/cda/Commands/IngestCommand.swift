import ArgumentParser
import CDAKit
import Foundation

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read transcripts (plain text, TEI, transcript XML, WebVTT, SRT, ELAN, Transcriber, CHAT) into the project.",
        discussion: "Each file is stored in one transaction: a file that fails leaves nothing behind. Directories are walked recursively.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Files or directories to read.")
    var paths: [String]

    @Option(help: "Set the group of the documents (overrides the file).")
    var group: String?

    @Option(help: "Set the session of the documents (overrides the file).")
    var session: String?

    @Option(help: "Force the format: text, tei, xml, vtt, srt, eaf, trs or chat.")
    var format: String?

    @Option(help: "Document id, for a single file.")
    var id: String?

    @Option(help: "A TEI listPerson file to name speakers.")
    var persons: String?

    @Option(
        name: .customLong("speaker-pattern"),
        help: "Regex for plain-text turn lines with groups (?<speaker>…) and (?<text>…), optionally (?<time>…).")
    var speakerPattern: String?

    @Flag(
        help: "Replace documents whose content changed; a coded document is revised: its codings move with their words.")
    var replace = false

    @Option(
        name: .customLong("on-conflict"),
        help: ArgumentHelp(
            "What a revision does with codings whose words are gone: refuse (write nothing and list them), keep-utterance (keep each on its best utterance, marked for review) or drop.",
            valueName: "policy"))
    var onConflict = RevisionPolicy.refuse.rawValue

    @Flag(help: "Store speakers under pseudonyms (P01…, moderators M01…) instead of their transcript labels.")
    var pseudonymize = false

    @Option(
        help: ArgumentHelp(
            "The encoding of text, SRT and VTT files: utf-8, utf-16, utf-16le, utf-16be, windows-1252 or iso-8859-1 (default: UTF-8 or UTF-16 by byte order mark; other files are read as Windows-1252 with a warning).",
            valueName: "name"))
    var encoding: String?

    @Option(
        help: ArgumentHelp(
            "The speaker labels of plain-text files, comma-separated, as a '# speakers:' header line would list them: only these start turns.",
            valueName: "A,B,C"))
    var speakers: String?

    @Option(
        help: ArgumentHelp("A moderator's label, as a '# moderator:' header line would name it (repeat for several).", valueName: "name"))
    var moderator: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Read and check everything and report what ingest would do, writing nothing.")
    var dryRun = false

    func validate() throws {
        if let format, DocumentFormat(rawValue: format) == nil {
            throw ValidationError("Unknown format '\(format)'. Use one of: text, tei, xml, vtt, srt, eaf, trs, chat.")
        }
        if id != nil && paths.count > 1 {
            throw ValidationError("--id names a single document; give one file.")
        }
        if RevisionPolicy(rawValue: onConflict) == nil {
            throw ValidationError("Unknown policy '\(onConflict)'. Use one of: refuse, keep-utterance, drop.")
        }
        if onConflict != RevisionPolicy.refuse.rawValue && !replace {
            throw ValidationError("--on-conflict says what a revision does; it needs --replace.")
        }
        if let encoding, TextEncoding(name: encoding) == nil {
            let names = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("Unknown encoding '\(encoding)'. Use one of: \(names).")
        }
    }

    func run() throws {
        let (store, note) = try openStore()
        var options = Ingester.Options(
            group: group, session: session, format: format.flatMap(DocumentFormat.init(rawValue:)), documentID: id,
            personsFile: persons, speakerPattern: speakerPattern, replace: replace, pseudonymize: pseudonymize,
            encoding: encoding.flatMap(TextEncoding.init(name:)), speakers: Self.list(speakers),
            moderators: moderator.flatMap { Self.list($0) }, dryRun: dryRun)
        options.onConflict = RevisionPolicy(rawValue: onConflict) ?? .refuse
        options.actor = CoderOptions.resolve(nil)
        let outcomes = try Ingester(store: store, options: options).ingest(paths: paths)
        if output.json {
            try Output.printJSON(outcomes)
        } else {
            if dryRun { print("dry run: nothing is written\(note.map { " (\($0))" } ?? "")") }
            for outcome in outcomes where !outcome.failed || (dryRun && outcome.revision != nil) { IngestReport.print(outcome) }
        }
        let failures = outcomes.filter(\.failed)
        for failure in failures { Output.printError(failure.error ?? failure.file) }
        if !output.json, failures.contains(where: { $0.revision?.isRefused == true }) {
            Output.printError("To revise anyway, run one of:")
            for policy in [RevisionPolicy.keepUtterance, .drop] {
                Output.printError("  \(ConflictRerun.commandLine(with: policy))")
            }
        }
        if outcomes.isEmpty { Output.printError("No transcript files found in \(paths.joined(separator: ", ")).") }
        if !failures.isEmpty || outcomes.isEmpty {
            if !output.json {
                Output.printError(
                    dryRun
                        ? "\(failures.count) of \(outcomes.count) file(s) would fail; nothing was written."
                        : "\(failures.count) of \(outcomes.count) file(s) failed; the project keeps everything else.")
            }
            throw ExitCode(1)
        }
    }

    /// The project; for a dry run without a project, an empty one in a temporary folder.
    private func openStore() throws -> (ProjectStore, note: String?) {
        guard dryRun, !FileManager.default.fileExists(atPath: project.path) else { return (try project.open(), nil) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cda-dry-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let store = try ProjectStore.create(at: folder.appendingPathComponent("preview.cda").path)
        return (store, "no project at '\(project.path)': checked against an empty one")
    }

    private static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
