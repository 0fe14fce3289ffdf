import Foundation
internal import GRDB

/// Code lookups and creation shared by the coding, consolidation and theme operations.
extension ProjectStore {
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    static func code(from row: Row) -> Code {
        Code(
            id: row["id"], name: row["name"], description: row["description"], color: row["color"],
            origin: CodeOrigin(rawValue: row["origin"]) ?? .analyst, round: row["round"], parentID: row["parentId"],
            status: CodeStatus(rawValue: row["status"]) ?? .active, mergedIntoID: row["mergedIntoId"],
            createdAt: row["createdAt"], updatedAt: row["updatedAt"])
    }

    static func code(id: Int64, _ db: Database) throws -> Code? {
        try Row.fetchOne(db, sql: "SELECT * FROM code WHERE id = ?", arguments: [id]).map(code(from:))
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
        return try Row.fetchOne(db, sql: """
            SELECT * FROM code WHERE name = ? ORDER BY status = 'active' DESC, id DESC LIMIT 1
            """, arguments: [name]).map(code(from:))
    }

    /// The active code with this name, or a precise error.
    static func activeCode(named name: String, _ db: Database) throws -> Code {
        guard let found = try code(named: name, db) else {
            let names = try String.fetchAll(db, sql: "SELECT name FROM code WHERE status = 'active'")
            throw CodingError.unknownCode(name, suggestion: NameSuggester.closest(to: name, among: names))
        }
        guard found.status == .active else {
            let target = try found.mergedIntoID.flatMap { try resolvedActiveCode(from: $0, db)?.name }
            throw CodingError.inactiveCode(name, status: found.status, mergedInto: target)
        }
        return found
    }

    /// Follows merges from a code to the code that now holds its codings.
    static func resolvedActiveCode(from id: Int64, _ db: Database) throws -> Code? {
        var current = try code(id: id, db)
        var seen: Set<Int64> = []
        while let code = current, code.status == .merged, let next = code.mergedIntoID, seen.insert(code.id).inserted {
            current = try Self.code(id: next, db)
        }
        return current
    }

    /// Creates an active code.
    ///
    /// - Throws: `CodingError.emptyCodeName`, `.controlCharacterInCodeName` or `.codeExists`.
    static func createCode(named rawName: String, origin: CodeOrigin, round: Int, parentID: Int64? = nil, _ db: Database) throws -> Code {
        let name = try CodeName.validated(rawName)
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM code WHERE name = ? AND status = 'active'", arguments: [name]) != nil {
            throw CodingError.codeExists(name)
        }
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM code") ?? 0
        let now = Timestamp.now()
        try db.execute(sql: """
            INSERT INTO code(name, origin, round, parentId, status, color, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, 'active', ?, ?, ?)
            """, arguments: [name, origin.rawValue, round, parentID, palette[count % palette.count], now, now])
        return try code(id: db.lastInsertedRowID, db)!
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
        try Int.fetchOne(db, sql: "SELECT MAX(number) FROM codingRound") ?? 1
    }

    static func checkRound(_ round: Int, _ db: Database) throws {
        try CodingRound.validate(round)
        if round == 2, try currentRound(db) < 2 { throw CodingError.roundNotStarted(2) }
    }
}
