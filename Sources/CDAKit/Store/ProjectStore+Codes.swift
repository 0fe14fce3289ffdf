import Foundation
internal import GRDB

/// Code lookups and creation shared by the coding, consolidation and theme operations.
extension ProjectStore {
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    static func code(id: Int64, _ db: Database) throws -> Code? {
        try CodeRecord.fetchOne(db, key: id)?.code
    }

    /// Every code, by id, merged and retired ones included.
    static func allCodes(_ db: Database) throws -> [Code] {
        try CodeRecord.order(CodeRecord.Columns.id).fetchAll(db).map(\.code)
    }

    /// The active code with this name, else the most recent inactive one.
    ///
    /// Names with other control characters are looked up as they are (a project may hold codes
    /// named before `CodeName` refused them, and renaming them must find them), but a NUL would
    /// cut the name short in SQLite and find another code, so it is refused.
    ///
    /// - Throws: `CodingError.controlCharacterInCodeName` for a name with a NUL.
    static func code(named name: String, _ db: Database) throws -> Code? {
        if name.unicodeScalars.contains("\0") { _ = try CodeName.validated(name) }
        // A cached statement: a sheet import looks a code up for every row.
        let statement = try db.cachedStatement(
            sql: "SELECT * FROM code WHERE name = ? ORDER BY status = '\(CodeStatus.active.rawValue)' DESC, id DESC LIMIT 1")
        return try CodeRecord.fetchOne(statement, arguments: [name])?.code
    }

    /// The active code with this name, or a precise error.
    static func activeCode(named name: String, _ db: Database) throws -> Code {
        guard let found = try code(named: name, db) else {
            throw CodingError.unknownCode(name, suggestion: NameSuggester.closest(to: name, among: try CodeRecord.activeNames(db)))
        }
        guard found.status == .active else {
            let target = try found.mergedIntoID.flatMap { try resolvedActiveCode(from: $0, db)?.name }
            throw CodingError.inactiveCode(name, status: found.status, mergedInto: target)
        }
        return found
    }

    /// Follows merges from a code to the code that now holds its codings.
    static func resolvedActiveCode(from id: Int64, _ db: Database) throws -> Code? {
        try code(id: id, db)?.followingMerges { try code(id: $0, db) }
    }

    /// Creates an active code.
    ///
    /// - Throws: `CodingError.emptyCodeName`, `.controlCharacterInCodeName` or `.codeExists`.
    static func createCode(named rawName: String, origin: CodeOrigin, round: Int, parentID: Int64? = nil, _ db: Database) throws -> Code {
        let name = try CodeName.validated(rawName)
        if try CodeRecord.all().active().named(name).isEmpty(db) == false {
            throw CodingError.codeExists(name)
        }
        let count = try CodeRecord.fetchCount(db)
        var record = CodeRecord(
            name: name, origin: origin, round: round, parentID: parentID,
            color: palette[count % palette.count], at: Timestamp.now())
        try record.insert(db)
        return record.code
    }

    /// The active code with this name, created when there is none.
    static func findOrCreateCode(named name: String, origin: CodeOrigin, round: Int, _ db: Database) throws -> (Code, created: Bool) {
        if let existing = try code(named: name.trimmingCharacters(in: .whitespaces), db) {
            if existing.status == .active { return (existing, false) }
            if existing.status == .merged, let active = try existing.mergedIntoID.flatMap({ try resolvedActiveCode(from: $0, db) }),
                active.status == .active
            {
                return (active, false)
            }
            if existing.status == .retired { throw CodingError.inactiveCode(existing.name, status: .retired, mergedInto: nil) }
        }
        return (try createCode(named: name, origin: origin, round: round, db), true)
    }

    /// The round that new codings go to: the highest started round, 1 when none was started.
    static func currentRound(_ db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(number) FROM codingRound")) ?? 1
    }

    static func checkRound(_ round: Int, _ db: Database) throws {
        try CodingRound.validate(round)
        if round == 2, try currentRound(db) < 2 { throw CodingError.roundNotStarted(2) }
    }
}
