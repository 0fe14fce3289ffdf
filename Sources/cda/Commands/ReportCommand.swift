import ArgumentParser
import CDAKit
import Foundation

/// The report flags shared by `cda report` and `cda export summaries`.
struct ReportSelectionOptions: ParsableArguments {
    @OptionGroup var grouping: GroupingOptions
    @Option(help: "Which round: 1, 2 or latest.") var round = "latest"
    @Option(help: "Only these themes, comma-separated.") var themes: String?
    @Flag(name: .customLong("include-moderators"), help: "Count moderators' and observers' talk too.") var includeModerators = false
    @Flag(help: "Show speakers as P01, P02, … instead of their transcript labels.") var pseudonymize = false
    @OptionGroup var moment: AsOfOption

    func validate() throws {
        if !["1", "2", "latest"].contains(round) { throw ValidationError("--round must be 1, 2 or latest.") }
    }

    func options(project: String, quotes: Bool = false, maxQuoteWords: Int = 40) -> ReportOptions {
        ReportOptions(
            by: grouping.by, round: Int(round).map(ReportOptions.RoundChoice.number) ?? .latest,
            themes: themes?.split(separator: ",").map { String($0) } ?? [], quotes: quotes, maxQuoteWords: maxQuoteWords,
            includeModerators: includeModerators, pseudonymize: pseudonymize,
            projectName: ((project as NSString).lastPathComponent as NSString).deletingPathExtension)
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write the per-group theme report (Markdown, HTML, CSV, JSON, Word, OpenDocument).")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: ReportSelectionOptions
    @Option(help: "Formats, comma-separated: md, html, csv, json, docx, odt.") var format = "md,html,csv,json"
    @Option(help: "The folder to write to.") var out = "report"
    @Option(
        help:
            "Language of labels, headings, definitions and numbers in md, html, docx and odt: en or nl (default: the documents' language, else en)."
    )
    var lang: String?
    @Flag(help: "Include quotes of participants (selected fragments first).") var quotes = false
    @Option(name: .customLong("max-quote-words"), help: "The most words per quote.") var maxQuoteWords = 40
    @Flag(help: "Add keywords per group and the us/them positioning table.") var instruments = false
    @Flag(help: "Add the conversation dynamics: floor shares, participation, turn transitions, how themes entered the talk.") var dynamics =
        false
    @Flag(help: "Add a code matrix: fragments per code (or theme) and speaker (or group, document); speakers as P01, P02, ….")
    var matrix = false
    @Option(name: .customLong("matrix-rows"), help: "The matrix's rows: codes or themes.") var matrixRows = "codes"
    @Option(name: .customLong("matrix-cols"), help: "The matrix's columns: groups, documents or speakers.") var matrixCols = "speakers"
    @Flag(help: "Add which themes occur together on overlapping fragments, with the Jaccard coefficient.") var cooccurrence = false

    func validate() throws {
        try Bounds.check(maxQuoteWords, "--max-quote-words", Bounds.limit)
        for name in format.split(separator: ",") where ReportFormat(rawValue: String(name)) == nil {
            throw ValidationError("Unknown format '\(name)'. Use \(ReportFormat.names).")
        }
        if maxQuoteWords < 1 { throw ValidationError("--max-quote-words must be at least 1.") }
        if let lang, ReportLanguage(rawValue: lang) == nil { throw ValidationError("Unknown language '\(lang)'. Use en or nl.") }
        if CodeMatrix.RowKind(rawValue: matrixRows) == nil {
            throw ValidationError("Unknown --matrix-rows value '\(matrixRows)'. Use codes or themes.")
        }
        if CodeMatrix.ColumnKind(rawValue: matrixCols) == nil {
            throw ValidationError("Unknown --matrix-cols value '\(matrixCols)'. Use groups, documents or speakers.")
        }
    }

    func run() throws {
        let store = try selection.moment.store(project.open())
        var options = selection.options(project: store.path, quotes: quotes, maxQuoteWords: maxQuoteWords)
        options.instruments = instruments
        options.dynamics = dynamics
        if matrix {
            options.matrix = CodeMatrixOptions(
                rows: CodeMatrix.RowKind(rawValue: matrixRows) ?? .codes, columns: CodeMatrix.ColumnKind(rawValue: matrixCols) ?? .speakers)
        }
        options.cooccurrence = cooccurrence
        let report = try store.themeReport(options)
        let formats = format.split(separator: ",").compactMap { ReportFormat(rawValue: String($0)) }
        let language = try lang.flatMap(ReportLanguage.init(rawValue:)) ?? store.reportLanguage()
        for path in try ReportWriter.write(report, formats: formats, language: language, to: out) { print("Wrote \(path)") }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the theme summaries, or the project or codebook for other QDA tools (REFI-QDA).",
        subcommands: [ExportSummariesCommand.self, ExportQDPXCommand.self, ExportQDCCommand.self])
}

struct ExportSummariesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summaries", abstract: "The theme summaries: per theme and group, the analyst's memo and the key figures.")

    @OptionGroup var project: ProjectOptions
    @OptionGroup var selection: ReportSelectionOptions
    @Option(help: "md, csv, docx or odt.") var format = "md"
    @Option(help: "Write to this file instead of standard output (needed for docx and odt).") var out: String?
    @Option(help: "Language of labels and numbers in md, docx and odt: en or nl (default: the documents' language, else en).")
    var lang: String?

    func validate() throws {
        guard let chosen = SummaryExporter.Format(rawValue: format) else {
            throw ValidationError("Unknown format '\(format)'. Use \(SummaryExporter.Format.names).")
        }
        if chosen.isPackage, out == nil {
            throw ValidationError("--format \(format) writes a document; name the file with --out, e.g. --out summaries.\(format).")
        }
        if let lang, ReportLanguage(rawValue: lang) == nil { throw ValidationError("Unknown language '\(lang)'. Use en or nl.") }
    }

    func run() throws {
        let store = try selection.moment.store(project.open())
        let report = try store.themeReport(selection.options(project: store.path))
        let format = SummaryExporter.Format(rawValue: format) ?? .markdown
        let language = try lang.flatMap(ReportLanguage.init(rawValue:)) ?? store.reportLanguage()
        let data = try SummaryExporter.data(report, format: format, language: language)
        if let out {
            try AtomicFile.write(data, to: out)
            print("Wrote \(out)")
        } else {
            print(String(decoding: data, as: UTF8.self), terminator: "")
        }
    }
}
