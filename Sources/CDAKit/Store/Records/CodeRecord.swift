internal import GRDB

/// A row of the `code` table, in GRDB's record idiom; `Code` is the value the rest of CDAKit sees.
struct CodeRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "code"

    /// The table's columns, named once.
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let status = Column(CodingKeys.status)
        static let parentID = Column(CodingKeys.parentId)
        static let mergedIntoID = Column(CodingKeys.mergedIntoId)
    }

    var id: Int64?
    var name: String
    var description: String
    var color: String?
    var origin: CodeOrigin
    var round: Int
    var parentId: Int64?
    var status: CodeStatus
    var mergedIntoId: Int64?
    var createdAt: String
    var updatedAt: String

    /// A new active code, not yet inserted.
    init(name: String, origin: CodeOrigin, round: Int, parentID: Int64?, color: String, at time: String) {
        self.name = name
        self.description = ""
        self.color = color
        self.origin = origin
        self.round = round
        self.parentId = parentID
        self.status = .active
        self.createdAt = time
        self.updatedAt = time
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The code as a value.
    var code: Code {
        Code(
            id: id ?? 0, name: name, description: description, color: color, origin: origin, round: round,
            parentID: parentId, status: status, mergedIntoID: mergedIntoId, createdAt: createdAt, updatedAt: updatedAt)
    }
}

extension DerivableRequest<CodeRecord> {
    /// Codes that are in use (neither merged nor retired).
    func active() -> Self {
        filter(CodeRecord.Columns.status == CodeStatus.active.rawValue)
    }

    /// Codes with this exact name.
    func named(_ name: String) -> Self {
        filter(CodeRecord.Columns.name == name)
    }
}

extension CodeRecord {
    /// The names of the active codes, for "did you mean" suggestions.
    static func activeNames(_ db: Database) throws -> [String] {
        try CodeRecord.all().active().select(Columns.name, as: String.self).fetchAll(db)
    }
}
