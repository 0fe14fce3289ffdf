import ArgumentParser
import CDAKit

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read transcripts (plain text, TEI, transcript XML, WebVTT, SRT, ELAN, Transcriber) into the project.",
        discussion: "Each file is stored in one transaction: a file that fails leaves nothing behind. Directories are walked recursively.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Files or directories to read.")
    var paths: [String]

    @Option(help: "Set the group of the documents (overrides the file).")
    var group: String?

    @Option(help: "Set the session of the documents (overrides the file).")
    var session: String?

    @Option(help: "Force the format: text, tei, xml, vtt, srt, eaf or trs.")
    var format: String?

    @Option(help: "Document id, for a single file.")
    var id: String?

    @Option(help: "A TEI listPerson file to name speakers.")
    var persons: String?

    @Option(name: .customLong("speaker-pattern"), help: "Regex for plain-text turn lines with groups (?<speaker>…) and (?<text>…), optionally (?<time>…).")
    var speakerPattern: String?

    @Option(help: "The text encoding of text, SRT and VTT files: utf-8, utf-16, utf-16le, utf-16be, windows-1252 or iso-8859-1 (default: detect; not UTF-8 is read as Windows-1252, with a notice).")
    var encoding: String?

    @Flag(help: "Replace documents whose content changed (refused while codings point into them).")
    var replace = false

    @Flag(help: "Store speakers under pseudonyms (P01…, moderators M01…) instead of their transcript labels.")
    var pseudonymize = false

    func validate() throws {
        if let format, DocumentFormat(rawValue: format) == nil {
            throw ValidationError("Unknown format '\(format)'. Use one of: text, tei, xml, vtt, srt, eaf, trs.")
        }
        if let encoding, TextEncoding(name: encoding) == nil {
            let names = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("Unknown encoding '\(encoding)'. Use one of: \(names).")
        }
        if id != nil && paths.count > 1 {
            throw ValidationError("--id names a single document; give one file.")
        }
    }

    func run() throws {
        let store = try project.open()
        let options = Ingester.Options(
            group: group, session: session, format: format.flatMap(DocumentFormat.init(rawValue:)), documentID: id,
            personsFile: persons, speakerPattern: speakerPattern, replace: replace, pseudonymize: pseudonymize,
            encoding: encoding.flatMap(TextEncoding.init(name:)))
        let outcomes = try Ingester(store: store, options: options).ingest(paths: paths)
        if output.json {
            try Output.printJSON(outcomes)
        } else {
            for outcome in outcomes where !outcome.failed {
                if let note = outcome.note {
                    print("skipped: \(outcome.file) (\(note))")
                    continue
                }
                print("\(outcome.status): \(outcome.file) → \(outcome.document ?? "") (\(outcome.format?.rawValue ?? ""), \(outcome.utterances) utterances, \(outcome.speakers) speakers, \(outcome.words) words)")
            }
        }
        let failures = outcomes.filter(\.failed)
        failures.forEach { Output.printError($0.error ?? $0.file) }
        if outcomes.isEmpty { Output.printError("No transcript files found in \(paths.joined(separator: ", ")).") }
        if !failures.isEmpty || outcomes.isEmpty {
            if !output.json { Output.printError("\(failures.count) of \(outcomes.count) file(s) failed; the project keeps everything else.") }
            throw ExitCode(1)
        }
    }
}
