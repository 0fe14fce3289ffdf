internal import GRDB

/// A row of the `coding` table, in GRDB's record idiom; `Coding` is the value the rest of CDAKit sees.
///
/// Whole-utterance codings store NULL offsets.
struct CodingRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "coding"

    /// The table's columns, named once.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let codeID = Column(CodingKeys.codeId)
        static let documentID = Column(CodingKeys.documentId)
        static let round = Column(CodingKeys.round)
        static let coder = Column(CodingKeys.coder)
    }

    var id: Int64?
    var codeId: Int64
    var documentId: String
    var startUtterance: Int
    var startOffset: Int?
    var endUtterance: Int
    var endOffset: Int?
    var round: Int
    var coder: String
    var memo: String?
    var createdAt: String

    /// A new coding, not yet inserted.
    init(codeID: Int64, fragment: Fragment, round: Int, coder: String, memo: String?, at time: String) {
        self.codeId = codeID
        self.documentId = fragment.documentID
        self.startUtterance = fragment.startUtterance
        self.startOffset = fragment.startOffset
        self.endUtterance = fragment.endUtterance
        self.endOffset = fragment.endOffset
        self.round = round
        self.coder = coder
        self.memo = memo
        self.createdAt = time
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The coded fragment.
    var fragment: Fragment {
        Fragment(
            documentID: documentId, startUtterance: startUtterance, startOffset: startOffset,
            endUtterance: endUtterance, endOffset: endOffset)
    }

    /// The coding as a value.
    var coding: Coding {
        Coding(id: id ?? 0, codeID: codeId, fragment: fragment, round: round, coder: coder, memo: memo, createdAt: createdAt)
    }
}
