import Foundation

/// A coding sheet: one coding per row, so a team can code in a spreadsheet.
///
/// Header: `document utterance start end code round coder memo text start_time end_time`.
/// `utterance` is `N` or `N-M` (a fragment over consecutive utterances; `start` inside N, `end`
/// inside M); empty `start` and `end` mean whole utterances; empty `round` means 1; a code in
/// double quotes is an in-vivo code; lines starting with `#` are comments. A row with `start_time`
/// and `end_time` (seconds of the recording, "." decimal, at most three decimals) and empty
/// `utterance`, `start` and `end` is a time-span coding.
/// `text` is the text the row's place holds: on import, a place that no longer holds it (a sheet
/// made before the transcript was revised) is carried through the revision or found by its text,
/// and a text found nowhere is an error naming the line; an empty `text` is not checked.
///
/// `cda` writes sheets as unquoted TSV (`render`): a cell is written as it is, so the in-vivo code
/// *menselijke maat* is the cell `"menselijke maat"`. Spreadsheets save sheets differently, and
/// the reader (`SheetTable`) accepts what they write:
/// - the separator is the character after `document` on the header line: TAB, `;` or `,`;
/// - RFC 4180 quoting: a spreadsheet wraps every cell holding a quote, separator or line break
///   in quotes and doubles its quotes, so the same in-vivo code comes back as `"""menselijke maat"""`
///   and is read as `"menselijke maat"` again;
/// - CRLF line ends, UTF-8 with or without a byte order mark, UTF-16 with one (Excel's "Unicode
///   text"), or Windows-1252 with a notice.
/// Quoting is decided for the whole file: a `;` or `,` file is always RFC 4180; a TAB file is
/// RFC 4180 only when some quoted cell needs it (a doubled quote, a TAB or a line break inside)
/// or the header is quoted, and no cell breaks RFC 4180's rules; otherwise it is `cda`'s own TSV
/// and `"x"` is an in-vivo code. So importing `cda`'s own export adds nothing, whether or not a
/// spreadsheet saved it in between. (The one file read otherwise than meant: `cda`'s own TSV whose
/// cells are all either unquoted or wrapped in quotes with doubled quotes inside, which no export
/// of `cda` writes unless a code or memo is itself written that way.)
public enum CodingSheet {
    /// The header line's columns, in order.
    public static let columns = [
        "document", "utterance", "start", "end", "code", "round", "coder", "memo", "text", "start_time", "end_time",
    ]

    /// One row of a sheet.
    public struct Row: Sendable, Hashable {
        /// What a row codes: a fragment of text, or a time span of a recording.
        public enum Coding: Sendable, Hashable {
            /// A coding of text.
            case text(CodingRequest)
            /// A coding of a time span.
            case timeSpan(TimeSpanCodingRequest)
        }

        /// The 1-based line in the file.
        public var line: Int
        /// The coding it asks for.
        public var coding: Coding
        /// The `text` cell, when not empty: the text the row's place should hold.
        public var text: String?

        /// A row.
        public init(line: Int, coding: Coding, text: String? = nil) {
            self.line = line
            self.coding = coding
            self.text = text
        }

        /// A row coding text.
        public init(line: Int, request: CodingRequest, text: String? = nil) {
            self.line = line
            self.coding = .text(request)
            self.text = text
        }

        /// A row coding a time span.
        public init(line: Int, timeSpan: TimeSpanCodingRequest) {
            self.line = line
            self.coding = .timeSpan(timeSpan)
        }

        /// The text coding it asks for, or `nil` for a time span.
        public var request: CodingRequest? {
            if case .text(let request) = coding { return request }
            return nil
        }
    }

    /// A problem on one line.
    public struct Issue: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The file.
        public var file: String
        /// The 1-based line.
        public var line: Int
        /// What is wrong.
        public var message: String

        /// `FILE:LINE: message`.
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// Parses a sheet's text into coding requests, as `cda` writes it or a spreadsheet saves it
    /// (see `SheetTable` for how the separator and quoting are decided).
    ///
    /// - Parameters:
    ///   - text: The sheet.
    ///   - file: The file name, for messages.
    ///   - defaultCoder: The coder for rows that name none.
    /// - Returns: The requests with their lines, or every problem found.
    public static func parse(_ text: String, file: String, defaultCoder: String) -> Result<[Row], SheetError> {
        do throws(SheetTable.UnclosedQuote) {
            let table = try SheetTable.read(text)
            return parse(table.records, file: file, defaultCoder: defaultCoder)
        } catch {
            return .failure(
                SheetError(issues: [
                    Issue(file: file, line: error.line, message: "a quoted cell starts here and is never closed (a \" is missing)")
                ]))
        }
    }

    /// Parses records of cells (from a text sheet or a workbook) into coding requests.
    ///
    /// - Parameters:
    ///   - records: The records with their lines; the first may be the header.
    ///   - file: The file name, for messages.
    ///   - defaultCoder: The coder for rows that name none.
    /// - Returns: The requests with their lines, or every problem found.
    static func parse(_ records: [SheetTable.Record], file: String, defaultCoder: String) -> Result<[Row], SheetError> {
        var rows: [Row] = []
        var issues: [Issue] = []
        for (index, record) in records.enumerated() {
            let line = record.line
            let cells = record.cells.map { $0.trimmingCharacters(in: .whitespaces) }
            if index == 0, cells.first?.lowercased() == "document" {
                if Array(cells.prefix(5)).map({ $0.lowercased() }) != Array(columns.prefix(5)) {
                    issues.append(
                        Issue(file: file, line: line, message: "the header must start with: \(columns.prefix(5).joined(separator: ", "))"))
                }
                continue
            }
            switch parseRow(cells, defaultCoder: defaultCoder) {
            case .success(let coding):
                rows.append(Row(line: line, coding: coding, text: cells.count > 8 && !cells[8].isEmpty ? cells[8] : nil))
            case .failure(let message): issues.append(Issue(file: file, line: line, message: message.text))
            }
        }
        return issues.isEmpty ? .success(rows) : .failure(SheetError(issues: issues))
    }

    private struct Message: Error { var text: String }

    private static func parseRow(_ cells: [String], defaultCoder: String) -> Result<Row.Coding, Message> {
        guard cells.count >= 5 else {
            return .failure(Message(text: "expected at least 5 columns (document, utterance, start, end, code), found \(cells.count)"))
        }
        let document = cells[0]
        guard !document.isEmpty else { return .failure(Message(text: "the document is empty")) }
        let startTime = cells.count > 9 ? cells[9] : ""
        let endTime = cells.count > 10 ? cells[10] : ""
        if !startTime.isEmpty || !endTime.isEmpty {
            return parseTimeRow(cells, document: document, startTime: startTime, endTime: endTime, defaultCoder: defaultCoder)
        }
        let utteranceParts = cells[1].split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(utteranceParts.count), let first = Int(utteranceParts[0]), first >= 1,
            let last = utteranceParts.count == 2 ? Int(utteranceParts[1]) : first, last >= first
        else { return .failure(Message(text: "utterance '\(cells[1])' is not a number N or a range N-M with N ≤ M")) }
        var offsets: [Int?] = []
        for (name, cell) in [("start", cells[2]), ("end", cells[3])] {
            if cell.isEmpty {
                offsets.append(nil)
                continue
            }
            guard let value = Int(cell), value >= 0, value <= 1 << 40 else {
                return .failure(Message(text: "\(name) '\(cell)' is not an offset (a whole number from 0)"))
            }
            offsets.append(value)
        }
        if (offsets[0] == nil) != (offsets[1] == nil) { return .failure(Message(text: "give both start and end, or neither")) }
        let common: Common
        switch parseCommon(cells, defaultCoder: defaultCoder) {
        case .success(let value): common = value
        case .failure(let message): return .failure(message)
        }
        let fragment = Fragment(
            documentID: document, startUtterance: first, startOffset: offsets[0], endUtterance: last, endOffset: offsets[1])
        return .success(
            .text(
                CodingRequest(
                    fragment: fragment, codeName: common.code, round: common.round, coder: common.coder, memo: common.memo,
                    origin: common.origin)))
    }

    /// The cells every row has: code, round, coder, memo.
    private struct Common {
        var code: String
        var origin: CodeOrigin
        var round: Int
        var coder: String
        var memo: String?
    }

    private static func parseCommon(_ cells: [String], defaultCoder: String) -> Result<Common, Message> {
        let (code, origin) = CodeName.read(cells[4])
        guard !code.isEmpty else { return .failure(Message(text: "the code is empty")) }
        var round = 1
        if cells.count > 5, !cells[5].isEmpty {
            guard let value = Int(cells[5]), CodingRound.all.contains(value) else {
                return .failure(Message(text: "round '\(cells[5])' must be 1 or 2"))
            }
            round = value
        }
        let coder = cells.count > 6 && !cells[6].isEmpty ? cells[6] : defaultCoder
        let memo = cells.count > 7 && !cells[7].isEmpty ? cells[7] : nil
        return .success(Common(code: code, origin: origin, round: round, coder: coder, memo: memo))
    }

    /// A row with `start_time` or `end_time`: a time-span coding, with no utterance or offsets.
    private static func parseTimeRow(
        _ cells: [String], document: String, startTime: String, endTime: String, defaultCoder: String
    ) -> Result<Row.Coding, Message> {
        guard cells[1].isEmpty, cells[2].isEmpty, cells[3].isEmpty else {
            return .failure(
                Message(
                    text:
                        "a row codes either text (utterance, start, end) or a time span (start_time, end_time); leave the other cells empty"
                ))
        }
        var times: [Int] = []
        for (name, cell) in [("start_time", startTime), ("end_time", endTime)] {
            guard !cell.isEmpty else { return .failure(Message(text: "give both start_time and end_time, or neither")) }
            guard !cell.contains(":"), let value = TimeSpan.parseMilliseconds(cell) else {
                return .failure(Message(text: "\(name) '\(cell)' is not a number of seconds (such as 12.5, at most three decimals)"))
            }
            times.append(value)
        }
        switch parseCommon(cells, defaultCoder: defaultCoder) {
        case .success(let common):
            let span = TimeSpan(documentID: document, startMilliseconds: times[0], endMilliseconds: times[1])
            return .success(
                .timeSpan(
                    TimeSpanCodingRequest(
                        span: span, codeName: common.code, round: common.round, coder: common.coder, memo: common.memo,
                        origin: common.origin)))
        case .failure(let message): return .failure(message)
        }
    }

    /// One row's cells in `columns` order: the one place that lays a coding out as a sheet row,
    /// for exports, auto-coding suggestions and disagreements alike.
    ///
    /// - Parameters:
    ///   - fragment: The coded fragment; whole utterances leave `start` and `end` empty.
    ///   - code: The code's name, written in quotes when `origin` is in-vivo; empty for a row to fill in.
    ///   - round: The round, or `nil` for an empty cell.
    ///   - text: The text the fragment covers, for reading.
    public static func row(
        _ fragment: Fragment, code: String, origin: CodeOrigin = .analyst, round: Int?, coder: String, memo: String, text: String
    ) -> [String] {
        [
            fragment.documentID, fragment.utteranceLabel, fragment.startOffset.map(String.init) ?? "",
            fragment.endOffset.map(String.init) ?? "", code.isEmpty ? "" : CodeName.written(code, origin: origin),
            round.map(String.init) ?? "", coder, memo, text, "", "",
        ]
    }

    /// One time-span coding's cells in `columns` order: document, code, round, coder, memo and
    /// the times in seconds; utterance, offsets and text stay empty.
    public static func row(
        _ span: TimeSpan, code: String, origin: CodeOrigin = .analyst, round: Int, coder: String, memo: String
    ) -> [String] {
        [
            span.documentID, "", "", "", CodeName.written(code, origin: origin), String(round), coder, memo, "",
            TimeSpan.secondsText(span.startMilliseconds), TimeSpan.secondsText(span.endMilliseconds),
        ]
    }

    /// Renders rows as a sheet with the header line. Tabs and line breaks inside cells become spaces.
    public static func render(_ rows: [[String]]) -> String {
        ([header] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// The header line, without its line break.
    public static var header: String { columns.joined(separator: "\t") }

    /// One row as a line, without its line break. Tabs and line breaks inside cells become spaces.
    public static func line(_ row: [String]) -> String {
        var line = ""
        line.reserveCapacity(row.reduce(row.count) { $0 + $1.utf8.count })
        for (index, cell) in row.enumerated() {
            if index > 0 { line.append("\t") }
            if cell.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                line.append(String(cell.map { $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 }))
            } else {
                line.append(cell)
            }
        }
        return line
    }
}

/// A sheet that could not be imported: every problem, each with its line. Nothing was imported.
public struct SheetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems.
    public var issues: [CodingSheet.Issue]

    /// One line per problem, then how many rows failed.
    public var description: String {
        issues.map(\.description).joined(separator: "\n") + "\n\(issues.count) problem(s); nothing was imported."
    }
}

/// What importing a sheet did.
public struct SheetImportResult: Sendable, Hashable, Codable {
    /// Rows read.
    public var rows: Int
    /// Codings added.
    public var added: Int
    /// Rows whose coding existed already.
    public var alreadyPresent: Int
    /// Codes created.
    public var codesCreated: [String]
    /// What the reader decided on its own, such as an encoding guessed.
    public var notices: [ReadNotice] = []
}
