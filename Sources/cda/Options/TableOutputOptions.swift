import ArgumentParser
import CDAKit
import Foundation

/// `--json`, `--format`, `--out` and `--lang` for the commands that print one table (`cda matrix`,
/// `cda cooccurrence`): a table on the terminal by default, or a file format.
struct TableOutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON with stable keys instead of a table.") var json = false
    @Option(help: "csv, md, html, docx or odt (default: a table on the terminal).") var format: String?
    @Option(help: "Write to this file instead of standard output (needed for docx and odt).") var out: String?
    @Option(help: "Language of labels and numbers in md, html, docx and odt: en or nl (default: the documents' language, else en).")
    var lang: String?

    func validate() throws {
        if let format, TableDocument.Format(rawValue: format) == nil {
            throw ValidationError("Unknown format '\(format)'. Use \(TableDocument.Format.names).")
        }
        if json, let format { throw ValidationError("--json and --format '\(format)' cannot be combined; choose one.") }
        if let format = tableFormat, format.isPackage, out == nil {
            throw ValidationError(
                "--format \(format.rawValue) writes a document; name the file with --out, e.g. --out matrix.\(format.rawValue).")
        }
        if let lang, ReportLanguage(rawValue: lang) == nil { throw ValidationError("Unknown language '\(lang)'. Use en or nl.") }
    }

    /// The chosen file format, if any.
    var tableFormat: TableDocument.Format? { format.flatMap(TableDocument.Format.init(rawValue:)) }

    /// Prints or writes `value` as asked: JSON, a file format, or `table` on the terminal.
    func emit(_ value: some Encodable, document: (ReportLanguage) -> TableDocument, store: ProjectStore, table: () -> Void) throws {
        if json {
            guard let out else { return try Output.printJSON(value) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try AtomicFile.write(try encoder.encode(value) + Data("\n".utf8), to: out)
            return print("Wrote \(out)")
        }
        guard let format = tableFormat else { return table() }
        let language = try lang.flatMap(ReportLanguage.init(rawValue:)) ?? store.reportLanguage()
        let data = try document(language).data(format)
        guard let out else { return print(String(decoding: data, as: UTF8.self), terminator: "") }
        try AtomicFile.write(data, to: out)
        print("Wrote \(out)")
    }
}
