import Foundation

/// The cells of a coding sheet as text, read the way `cda` writes sheets or the way a spreadsheet
/// (Excel, LibreOffice) saves them.
///
/// The separator is taken from the header line: the character after `document` (TAB, `;` or `,`);
/// without a header it is TAB. Quoting is decided on evidence from the whole file:
/// - A `;`- or `,`-separated file is always read with RFC 4180 quoting: a cell that starts with
///   `"` runs to the next lone `"`, `""` inside it is one `"`, and separators and line breaks
///   inside it belong to the cell. `cda` never writes such files, so only a spreadsheet did.
/// - A TAB-separated file is read with RFC 4180 quoting only when the file shows it was quoted by
///   a spreadsheet: some quoted cell holds a doubled quote (`"""x"""`), a TAB or a line break, or
///   the header itself is quoted (`"document"`), and no cell breaks the rules (text after a closing
///   quote, a quote inside an unquoted cell, a quote never closed). Otherwise it is `cda`'s own
///   unquoted TSV: cells are split at TABs and kept as they are, so `"x"` stays `"x"`.
///
/// Either way, lines starting with `#` are comments and records with only empty cells are skipped.
struct SheetTable: Sendable, Hashable {
    /// One record: the cells of one row, with the 1-based line it starts on.
    struct Record: Sendable, Hashable {
        /// The 1-based line of the file where the record starts.
        var line: Int
        /// The cells, unquoted, untrimmed.
        var cells: [String]
    }

    /// How the cells were quoted.
    enum Quoting: Sendable, Hashable {
        /// `cda`'s own TSV: no quoting.
        case none
        /// Spreadsheet quoting, RFC 4180.
        case rfc4180
    }

    /// A quoted cell that never closes, which makes the rest of the file one cell.
    struct UnclosedQuote: Error, Sendable, Hashable {
        /// The 1-based line where the quoted cell starts.
        var line: Int
    }

    /// The separator between cells.
    var separator: Unicode.Scalar
    /// How the cells were quoted.
    var quoting: Quoting
    /// The records, comments and blank records left out.
    var records: [Record]

    /// Splits a sheet's text into records and cells.
    ///
    /// - Throws: `UnclosedQuote` when a `;`- or `,`-separated file has a quoted cell that never closes.
    /// - Complexity: O(*n*) in the length of the text.
    static func read(_ text: String) throws(UnclosedQuote) -> SheetTable {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let scalars = Array(text.unicodeScalars)
        let (separator, headerQuoted) = separatorAndQuoting(of: text)
        let quoted = tokenize(scalars, separator: separator)
        if separator != "\t" {
            if let line = quoted.unclosedLine { throw UnclosedQuote(line: line) }
            return SheetTable(separator: separator, quoting: .rfc4180, records: quoted.records)
        }
        if quoted.strict, quoted.unclosedLine == nil, quoted.evidence || headerQuoted {
            return SheetTable(separator: separator, quoting: .rfc4180, records: quoted.records)
        }
        var records: [Record] = []
        for (offset, line) in TextDecoding.lines(of: text).enumerated() where !line.hasPrefix("#") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            records.append(Record(line: offset + 1, cells: cells))
        }
        return SheetTable(separator: "\t", quoting: .none, records: records)
    }

    /// The separator after `document` on the header line (TAB when there is no header), and
    /// whether the header's first cell is quoted.
    private static func separatorAndQuoting(of text: String) -> (Unicode.Scalar, Bool) {
        for line in TextDecoding.lines(of: text) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let quoted = line.hasPrefix("\"")
            var rest = Substring(line.dropFirst(quoted ? 1 : 0))
            guard rest.lowercased().hasPrefix("document") else { return ("\t", false) }
            rest = rest.dropFirst("document".count)
            if quoted, rest.hasPrefix("\"") { rest = rest.dropFirst() }
            if let next = rest.unicodeScalars.first, [";", ",", "\t"].contains(next) { return (next, quoted) }
            return ("\t", quoted)
        }
        return ("\t", false)
    }

    private struct Tokens {
        var records: [Record] = []
        /// No cell broke RFC 4180's rules.
        var strict = true
        /// Some quoted cell needed its quotes: a doubled quote, a separator or a line break inside.
        var evidence = false
        /// The line of a quoted cell that never closes.
        var unclosedLine: Int?
    }

    /// Splits the text by RFC 4180, leniently: text after a closing quote and quotes inside an
    /// unquoted cell are kept as they are, and noted in `strict`.
    private static func tokenize(_ scalars: [Unicode.Scalar], separator: Unicode.Scalar) -> Tokens {
        var tokens = Tokens()
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var inQuotes = false
        var quotedCell = false
        var index = 0
        func endCell() {
            cells.append(String(cell))
            cell = String.UnicodeScalarView()
            quotedCell = false
        }
        func endRecord() {
            endCell()
            if !cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                tokens.records.append(Record(line: recordLine, cells: cells))
            }
            cells = []
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if inQuotes {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        cell.append("\"")
                        tokens.evidence = true
                        index += 2
                    } else {
                        inQuotes = false
                        index += 1
                    }
                    continue
                }
                if scalar == "\r" || scalar == "\n" {
                    tokens.evidence = true
                    if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                    cell.append("\n")
                    line += 1
                    index += 1
                    continue
                }
                if scalar == separator { tokens.evidence = true }
                cell.append(scalar)
                index += 1
                continue
            }
            if scalar == "#", cells.isEmpty, cell.isEmpty, !quotedCell {
                while index < scalars.count, scalars[index] != "\n", scalars[index] != "\r" { index += 1 }
                if index < scalars.count, scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                index += 1
                line += 1
                recordLine = line
                continue
            }
            if scalar == "\"", cell.isEmpty, !quotedCell {
                inQuotes = true
                quotedCell = true
                quoteLine = line
                index += 1
                continue
            }
            if scalar == separator {
                endCell()
                index += 1
                continue
            }
            if scalar == "\r" || scalar == "\n" {
                endRecord()
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                index += 1
                line += 1
                recordLine = line
                continue
            }
            if quotedCell || scalar == "\"" { tokens.strict = false }
            cell.append(scalar)
            index += 1
        }
        if inQuotes { tokens.unclosedLine = quoteLine }
        if !cells.isEmpty || !cell.isEmpty || quotedCell { endRecord() }
        return tokens
    }
}
