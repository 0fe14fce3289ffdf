import ArgumentParser
import CDAKit
import Foundation

struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet", abstract: "Code in a spreadsheet: export and import coding sheets (TSV, CSV, xlsx).",
        subcommands: [SheetExportCommand.self, SheetImportCommand.self])
}

struct SheetExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write codings (or uncoded utterances) as a coding sheet (TSV or xlsx).")

    @OptionGroup var project: ProjectOptions
    @Option(help: "Only this round.") var round: Int?
    @Option(name: .customLong("doc"), help: "Only this document.") var document: String?
    @Flag(help: "One row per participant utterance without codings, to fill in.") var uncoded = false
    @Flag(name: .customLong("include-moderators"), help: "With --uncoded: also moderators' utterances.") var includeModerators = false
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Option(help: "tsv (default) or xlsx (an Excel workbook; needs --out).") var format: String = "tsv"

    func validate() throws {
        try Bounds.check(round, "--round", Bounds.round)
        guard ["tsv", "xlsx"].contains(format) else {
            throw ValidationError("Unknown format '\(format)'. Use 'tsv' or 'xlsx'.")
        }
        if format == "xlsx", out == nil {
            throw ValidationError("--format xlsx writes a file: add --out FILE.xlsx.")
        }
    }

    func run() throws {
        let rows = try project.open().sheetRows(round: round, documentID: document, uncoded: uncoded, includeModerators: includeModerators)
        if format == "xlsx", let out {
            try SheetWorkbook.write(rows, to: out)
            print("Wrote \(rows.count) row(s) to \(out)")
            return
        }
        let text = CodingSheet.render(rows)
        if let out {
            try AtomicFile.write(text, to: out)
            print("Wrote \(rows.count) row(s) to \(out)")
        } else {
            print(text, terminator: "")
        }
    }
}

struct SheetImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the codings of a sheet (TSV, CSV or xlsx), all or nothing; importing twice adds nothing twice.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var coder: CoderOptions
    @Argument(help: "The sheet (.tsv, .txt, .csv or .xlsx).") var file: String
    @Option(
        help: ArgumentHelp(
            "The encoding of a text sheet: utf-8, utf-16, utf-16le, utf-16be, windows-1252 or iso-8859-1 (default: UTF-8 or UTF-16 by byte order mark; other files are read as Windows-1252 with a note).",
            valueName: "name"))
    var encoding: String?

    func validate() throws {
        if let encoding, TextEncoding(name: encoding) == nil {
            let names = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("Unknown encoding '\(encoding)'. Use one of: \(names).")
        }
    }

    func run() throws {
        let store = try project.open()
        let result = try SheetImporter.importSheet(
            at: file, into: store, defaultCoder: coder.name, encoding: encoding.flatMap(TextEncoding.init(name:)))
        if output.json { return try Output.printJSON(result) }
        for notice in result.notices { Output.printError("note: \(notice)") }
        print(
            "\(file): \(result.rows) row(s), \(result.added) coding(s) added, \(result.alreadyPresent) already present, \(result.codesCreated.count) new code(s)."
        )
    }
}
