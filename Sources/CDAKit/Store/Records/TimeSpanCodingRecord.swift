internal import GRDB

/// A row of the `timeSpanCoding` table; `TimeSpanCoding` is the value the rest of CDAKit sees.
struct TimeSpanCodingRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "timeSpanCoding"

    /// The table's columns, named once.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let codeID = Column(CodingKeys.codeId)
        static let documentID = Column(CodingKeys.documentId)
        static let startMs = Column(CodingKeys.startMs)
        static let endMs = Column(CodingKeys.endMs)
        static let round = Column(CodingKeys.round)
        static let coder = Column(CodingKeys.coder)
    }

    var id: Int64?
    var codeId: Int64
    var documentId: String
    var startMs: Int
    var endMs: Int
    var round: Int
    var coder: String
    var memo: String?
    var createdAt: String

    /// A new coding, not yet inserted.
    init(codeID: Int64, span: TimeSpan, round: Int, coder: String, memo: String?, at time: String) {
        self.codeId = codeID
        self.documentId = span.documentID
        self.startMs = span.startMilliseconds
        self.endMs = span.endMilliseconds
        self.round = round
        self.coder = coder
        self.memo = memo
        self.createdAt = time
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The coded span.
    var span: TimeSpan { TimeSpan(documentID: documentId, startMilliseconds: startMs, endMilliseconds: endMs) }
}

extension DerivableRequest<TimeSpanCodingRecord> {
    /// The time-span codings of one document, in time order.
    func of(_ documentID: String) -> Self {
        filter(TimeSpanCodingRecord.Columns.documentID == documentID)
            .order(TimeSpanCodingRecord.Columns.startMs, TimeSpanCodingRecord.Columns.endMs, TimeSpanCodingRecord.Columns.id)
    }
}
