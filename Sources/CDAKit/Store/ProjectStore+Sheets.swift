import Foundation
internal import GRDB

extension ProjectStore {
    /// Imports coding-sheet rows all or nothing: every row is checked against the corpus first,
    /// and any problem (unknown document, utterance out of range, bad offsets) stops the import.
    ///
    /// Importing the same rows again adds nothing.
    ///
    /// - Throws: `SheetError` with every problem and its line; the project is unchanged then.
    public func importSheet(_ rows: [CodingSheet.Row], file: String) throws -> SheetImportResult {
        try write { db in
            var result = SheetImportResult(rows: rows.count, added: 0, alreadyPresent: 0, codesCreated: [])
            var issues: [CodingSheet.Issue] = []
            let validator = FragmentValidator()
            var texts: [String: SheetAnchorTexts] = [:]
            for row in rows {
                do {
                    let (alreadyCoded, createdCode, code): (Bool, Bool, String)
                    switch row.coding {
                    case .text(let asked):
                        let (request, notice) = try Self.anchored(asked, text: row.text, line: row.line, file: file, texts: &texts, db)
                        if let notice { result.notices.append(notice) }
                        let outcome = try Self.insertCoding(request, validator: validator, db)
                        (alreadyCoded, createdCode, code) = (outcome.alreadyCoded, outcome.createdCode, outcome.code)
                    case .timeSpan(let request):
                        let outcome = try Self.insertTimeSpanCoding(request, allowNewCode: true, db)
                        (alreadyCoded, createdCode, code) = (outcome.alreadyCoded, outcome.createdCode, outcome.code)
                    }
                    if alreadyCoded { result.alreadyPresent += 1 } else { result.added += 1 }
                    if createdCode { result.codesCreated.append(code) }
                } catch let error as TimeSpanError {
                    issues.append(.init(file: file, line: row.line, message: error.description))
                } catch let error as CodingError {
                    issues.append(.init(file: file, line: row.line, message: error.description))
                } catch let error as CorpusError {
                    issues.append(.init(file: file, line: row.line, message: error.description))
                }
                if issues.count >= 200 { break }
            }
            if !issues.isEmpty { throw SheetError(issues: issues) }
            return result
        }
    }

    /// Coding-sheet rows for export.
    ///
    /// - Parameters:
    ///   - round: Only codings of this round.
    ///   - documentID: Only this document.
    ///   - uncoded: Rows for the utterances without any coding (in the round, if given) instead.
    ///   - includeModerators: With `uncoded`, also moderators' utterances.
    /// - Returns: Rows of cells in the sheet's column order, in document order.
    public func sheetRows(round: Int? = nil, documentID: String? = nil, uncoded: Bool = false, includeModerators: Bool = false) throws
        -> [[String]]
    {
        try read { db in
            if let documentID { _ = try FragmentValidator().utteranceLengths(documentID, db) }
            var arguments: StatementArguments = []
            var condition = "1 = 1"
            if let documentID {
                condition += " AND u.documentId = ?"
                arguments += [documentID]
            }
            if uncoded {
                let roundClause = round.map { "AND c.round = \($0)" } ?? ""
                let moderatorClause = includeModerators ? "" : "AND (s.role IS NULL OR s.role = 'participant')"
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT u.documentId, u.idx, u.text FROM utterance u
                        JOIN document d ON d.id = u.documentId LEFT JOIN speaker s ON s.id = u.speakerId
                        WHERE \(condition) \(moderatorClause) AND NOT EXISTS (
                            SELECT 1 FROM coding c WHERE c.documentId = u.documentId AND u.idx BETWEEN c.startUtterance AND c.endUtterance \(roundClause))
                        ORDER BY d.position, u.idx
                        """, arguments: arguments
                ).map { row in
                    CodingSheet.row(
                        Fragment(documentID: row["documentId"], startUtterance: row["idx"]), code: "", round: round,
                        coder: "", memo: "", text: row["text"])
                }
            }
            if let round {
                condition += " AND c.round = ?"
                arguments += [round]
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.*, k.name, k.origin, d.position FROM coding c
                    JOIN code k ON k.id = c.codeId JOIN document d ON d.id = c.documentId
                    JOIN utterance u ON u.documentId = c.documentId AND u.idx = c.startUtterance
                    WHERE \(condition) ORDER BY d.position, c.startUtterance, IFNULL(c.startOffset, 0), c.endUtterance, k.name, c.round, c.coder
                    """, arguments: arguments)
            // The text of every utterance the codings cover, in one query rather than one per row.
            var texts: [CodedCorpus.UtteranceKey: (text: String, length: Int)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT u.documentId, u.idx, u.text, u.length FROM coding c
                    JOIN utterance u ON u.documentId = c.documentId AND u.idx BETWEEN c.startUtterance AND c.endUtterance
                    WHERE \(condition)
                    """, arguments: arguments)
            {
                texts[CodedCorpus.UtteranceKey(document: row["documentId"], index: row["idx"])] = (row["text"], row["length"])
            }
            let textRows = rows.map { row in
                let fragment = Self.fragment(from: row)
                return CodingSheet.row(
                    fragment, code: row["name"], origin: CodeOrigin(rawValue: row["origin"]) ?? .analyst, round: row["round"],
                    coder: row["coder"], memo: row["memo"] ?? "", text: Self.text(of: fragment, in: texts))
            }
            return textRows + (try Self.timeSpanSheetRows(round: round, documentID: documentID, db))
        }
    }

    /// The sheet rows of the time-span codings (of one document and round, when given), in
    /// document and time order, each under its stored code as text rows are.
    private static func timeSpanSheetRows(round: Int?, documentID: String?, _ db: Database) throws -> [[String]] {
        var condition = "1 = 1"
        var arguments: StatementArguments = []
        if let documentID {
            condition += " AND t.documentId = ?"
            arguments += [documentID]
        }
        if let round {
            condition += " AND t.round = ?"
            arguments += [round]
        }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT t.*, k.name, k.origin FROM timeSpanCoding t
                JOIN code k ON k.id = t.codeId JOIN document d ON d.id = t.documentId
                WHERE \(condition) ORDER BY d.position, t.startMs, t.endMs, k.name, t.round, t.coder
                """, arguments: arguments
        ).map { row in
            CodingSheet.row(
                TimeSpan(documentID: row["documentId"], startMilliseconds: row["startMs"], endMilliseconds: row["endMs"]),
                code: row["name"], origin: CodeOrigin(rawValue: row["origin"]) ?? .analyst, round: row["round"], coder: row["coder"],
                memo: row["memo"] ?? "")
        }
    }

    /// The text a fragment covers, utterances joined by a space.
    private static func text(of fragment: Fragment, in texts: [CodedCorpus.UtteranceKey: (text: String, length: Int)]) -> String {
        (fragment.startUtterance...fragment.endUtterance).compactMap { index in
            guard let utterance = texts[CodedCorpus.UtteranceKey(document: fragment.documentID, index: index)],
                let range = fragment.coveredRange(inUtterance: index, length: utterance.length)
            else { return nil }
            return utterance.text.scalarSlice(range)
        }.joined(separator: " ")
    }
}
