internal import GRDB

/// A row of the `memo` table: a text on the project, a code (by id), a document, a theme or a
/// theme × group pair (`groupName`; empty for the others).
struct MemoRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "memo"

    /// The table's columns, named once.
    enum Columns {
        static let targetKind = Column(CodingKeys.targetKind)
        static let targetID = Column(CodingKeys.targetId)
        static let groupName = Column(CodingKeys.groupName)
        static let text = Column(CodingKeys.text)
    }

    var targetKind: String
    var targetId: String
    var groupName: String
    var text: String
    var author: String
    var updatedAt: String
}

extension DerivableRequest<MemoRecord> {
    /// Memos of one kind of target.
    func on(_ kind: MemoTarget.Kind) -> Self {
        filter(MemoRecord.Columns.targetKind == kind.rawValue)
    }

    /// The memo on one target of a kind (`group` only for theme × group memos).
    func on(_ kind: MemoTarget.Kind, id: String, group: String = "") -> Self {
        on(kind).filter(MemoRecord.Columns.targetID == id && MemoRecord.Columns.groupName == group)
    }
}
