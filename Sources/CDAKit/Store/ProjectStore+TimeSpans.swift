import Foundation
internal import GRDB

extension ProjectStore {
    /// Codes a time span of a document's recording, creating the code when no active code has the
    /// name (unless `allowNewCode` is false).
    ///
    /// Adding a coding that exists (same code, span, round and coder) adds nothing.
    ///
    /// - Parameters:
    ///   - request: The span, code, round, coder and memo.
    ///   - allowNewCode: Whether a name no code has creates a code (the command line, sheets) or is
    ///     refused (the workbench, which codes with codes picked from the tree).
    /// - Throws: `TimeSpanError` (`.noRecording`, `.negativeTime`, `.emptySpan`, `.beyondRecording`),
    ///   `CodingError.unknownCode` when `allowNewCode` is false, `.inactiveCode`, `.invalidRound`,
    ///   `CorpusError.unknownDocument`; nothing is changed then.
    @discardableResult
    public func addTimeSpanCoding(_ request: TimeSpanCodingRequest, allowNewCode: Bool = true) throws -> TimeSpanCodingResult {
        try write { db in try Self.insertTimeSpanCoding(request, allowNewCode: allowNewCode, db) }
    }

    static func insertTimeSpanCoding(_ request: TimeSpanCodingRequest, allowNewCode: Bool, _ db: Database) throws -> TimeSpanCodingResult {
        let span = request.span
        try checkTimeSpan(span, db)
        let round = try request.round ?? currentRound(db)
        try checkRound(round, db)
        let coder = request.coder.isEmpty ? "analyst" : request.coder
        let name = request.codeName.trimmingCharacters(in: .whitespaces)
        if let stored = try code(named: name, db),
            let id = try existingTimeSpanCodingID(codeID: stored.id, span, round: round, coder: coder, db)
        {
            return TimeSpanCodingResult(codingID: id, code: stored.name, createdCode: false, alreadyCoded: true, span: span, round: round)
        }
        if !allowNewCode, try code(named: name, db) == nil {
            throw CodingError.unknownCode(name, suggestion: NameSuggester.closest(to: name, among: try CodeRecord.activeNames(db)))
        }
        let (code, created) = try findOrCreateCode(named: request.codeName, origin: request.origin, round: round, db)
        if let id = try existingTimeSpanCodingID(codeID: code.id, span, round: round, coder: coder, db) {
            return TimeSpanCodingResult(codingID: id, code: code.name, createdCode: false, alreadyCoded: true, span: span, round: round)
        }
        var record = TimeSpanCodingRecord(codeID: code.id, span: span, round: round, coder: coder, memo: request.memo, at: Timestamp.now())
        try record.insert(db)
        return TimeSpanCodingResult(
            codingID: record.id ?? 0, code: code.name, createdCode: created, alreadyCoded: false, span: span, round: round)
    }

    /// Refuses a span that is not on a linked recording, starts before it, is empty, or runs past
    /// its end (when the recording's duration is known).
    static func checkTimeSpan(_ span: TimeSpan, _ db: Database) throws {
        try requireDocument(span.documentID, db)
        if span.startMilliseconds < 0 { throw TimeSpanError.negativeTime(field: "The start", milliseconds: span.startMilliseconds) }
        if span.endMilliseconds < 0 { throw TimeSpanError.negativeTime(field: "The end", milliseconds: span.endMilliseconds) }
        if span.endMilliseconds <= span.startMilliseconds { throw TimeSpanError.emptySpan(span) }
        guard let link = try MediaLinkRecord.all().of(span.documentID).fetchOne(db) else {
            throw TimeSpanError.noRecording(documentID: span.documentID)
        }
        let duration = TimeSpan.milliseconds(link.duration)
        if duration > 0, span.endMilliseconds > duration {
            throw TimeSpanError.beyondRecording(span, durationMilliseconds: duration)
        }
    }

    static func existingTimeSpanCodingID(codeID: Int64, _ span: TimeSpan, round: Int, coder: String, _ db: Database) throws -> Int64? {
        try TimeSpanCodingRecord.all()
            .filter(
                TimeSpanCodingRecord.Columns.codeID == codeID && TimeSpanCodingRecord.Columns.documentID == span.documentID
                    && TimeSpanCodingRecord.Columns.startMs == span.startMilliseconds
                    && TimeSpanCodingRecord.Columns.endMs == span.endMilliseconds && TimeSpanCodingRecord.Columns.round == round
                    && TimeSpanCodingRecord.Columns.coder == coder
            )
            .select(TimeSpanCodingRecord.Columns.id, as: Int64.self).fetchOne(db)
    }

    /// The time-span codings of one document (or of all documents), in document and time order,
    /// with codes named after consolidation.
    ///
    /// - Parameters:
    ///   - documentID: The document, or `nil` for all.
    ///   - round: Only codings of this round, when given.
    /// - Throws: `CorpusError.unknownDocument`, `StoreError`.
    public func timeSpanCodings(of documentID: String? = nil, round: Int? = nil) throws -> [TimeSpanCoding] {
        try read { db in
            if let documentID { try Self.requireDocument(documentID, db) }
            return try Self.timeSpanCodings(of: documentID, round: round, db)
        }
    }

    static func timeSpanCodings(of documentID: String?, round: Int?, _ db: Database) throws -> [TimeSpanCoding] {
        var request = TimeSpanCodingRecord.all()
        if let documentID { request = request.filter(TimeSpanCodingRecord.Columns.documentID == documentID) }
        if let round { request = request.filter(TimeSpanCodingRecord.Columns.round == round) }
        let records = try request.fetchAll(db)
        let codes = Dictionary(uniqueKeysWithValues: try allCodes(db).map { ($0.id, $0) })
        let order = Dictionary(
            uniqueKeysWithValues: try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY position").enumerated().map { ($1, $0) })
        return records.map { record in
            TimeSpanCoding(
                id: record.id ?? 0, codeID: record.codeId, code: codes[record.codeId]?.followingMerges { codes[$0] }.name ?? "?",
                span: record.span, round: record.round, coder: record.coder, memo: record.memo, createdAt: record.createdAt)
        }.sorted {
            (order[$0.span.documentID] ?? 0, $0.span.startMilliseconds, $0.span.endMilliseconds, $0.code, $0.id)
                < (order[$1.span.documentID] ?? 0, $1.span.startMilliseconds, $1.span.endMilliseconds, $1.code, $1.id)
        }
    }

    /// Moves a code's time-span codings to another code (a merge); those whose twin (same span,
    /// round and coder) the target has already collapse into the twin, which keeps its memo or
    /// takes theirs.
    static func moveTimeSpanCodings(from source: Int64, to target: Int64, _ db: Database) throws -> (moved: Int, collapsed: Int) {
        try db.execute(
            sql: """
                UPDATE timeSpanCoding AS t SET memo = (SELECT s.memo FROM timeSpanCoding s WHERE s.codeId = :source
                      AND s.documentId = t.documentId AND s.startMs = t.startMs AND s.endMs = t.endMs
                      AND s.round = t.round AND s.coder = t.coder AND s.memo IS NOT NULL)
                WHERE t.codeId = :target AND t.memo IS NULL
                """, arguments: ["source": source, "target": target])
        try db.execute(
            sql: """
                DELETE FROM timeSpanCoding WHERE codeId = :source AND EXISTS (
                    SELECT 1 FROM timeSpanCoding t WHERE t.codeId = :target AND t.documentId = timeSpanCoding.documentId
                      AND t.startMs = timeSpanCoding.startMs AND t.endMs = timeSpanCoding.endMs
                      AND t.round = timeSpanCoding.round AND t.coder = timeSpanCoding.coder)
                """, arguments: ["source": source, "target": target])
        let collapsed = db.changesCount
        try db.execute(sql: "UPDATE timeSpanCoding SET codeId = ? WHERE codeId = ?", arguments: [target, source])
        return (db.changesCount, collapsed)
    }
}
