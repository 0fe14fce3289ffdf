import Foundation
internal import GRDB

/// What a merge did.
public struct MergeResult: Sendable, Hashable, Codable {
    /// The code that now holds the codings.
    public var target: String
    /// The codes merged into it.
    public var merged: [String]
    /// Codings moved to the target.
    public var movedCodings: Int
    /// Codings dropped because the target already had the same fragment (same round and coder).
    public var collapsedCodings: Int
    /// Whether the target was created by the merge.
    public var createdTarget: Bool
    /// The id of the recorded step, for `undo(step:)`; `nil` in a preview, which records nothing.
    public var step: Int64?
}

/// What a split did.
public struct SplitResult: Sendable, Hashable, Codable {
    /// The code that was split.
    public var code: String
    /// The new codes.
    public var created: [String]
    /// The codings of the split code, to reassign to the new codes.
    public var codingsToReassign: [Int64]
    /// The id of the recorded step, for `undo(step:)`.
    public var step: Int64
}

extension ProjectStore {
    /// Renames an active code.
    ///
    /// - Throws: `CodingError.unknownCode`, `.inactiveCode`, `.codeExists`, `.emptyCodeName` or
    ///   `.controlCharacterInCodeName`.
    @discardableResult
    public func renameCode(_ oldName: String, to newName: String, reason: String? = nil, actor: String) throws -> HistoryEntry {
        try write { db in
            let code = try Self.activeCode(named: oldName, db)
            let name = try CodeName.validated(newName)
            if name != code.name, try !CodeRecord.all().active().named(name).isEmpty(db) {
                throw CodingError.codeExists(name)
            }
            return try Self.recordStep(
                kind: .rename, summary: "renamed '\(code.name)' to '\(name)'", reason: reason, actor: actor,
                scope: HistoryScope(codeIDs: [code.id]), db
            ) { db, _ in
                try db.execute(sql: "UPDATE code SET name = ?, updatedAt = ? WHERE id = ?", arguments: [name, Timestamp.now(), code.id])
            }
        }
    }

    /// Gives an active code another colour, as one undoable step.
    ///
    /// - Parameter color: `#rrggbb` or `#rgb`; stored as lowercase `#rrggbb`.
    /// - Throws: `CodingError.invalidColor`, `.unknownCode`, `.inactiveCode`.
    @discardableResult
    public func setCodeColor(_ name: String, to color: String, reason: String? = nil, actor: String) throws -> HistoryEntry {
        let stored = try CodeColor.validated(color)
        return try write { db in
            let code = try Self.activeCode(named: name, db)
            return try Self.recordStep(
                kind: .recolor, summary: "coloured '\(code.name)' \(stored)", reason: reason, actor: actor,
                scope: HistoryScope(codeIDs: [code.id]), db
            ) { db, _ in
                try db.execute(sql: "UPDATE code SET color = ?, updatedAt = ? WHERE id = ?", arguments: [stored, Timestamp.now(), code.id])
            }
        }
    }

    /// Merges codes into a target: codings move to the target, identical codings collapse to one,
    /// sub-codes and theme mappings follow, and the merged codes stay with status `merged`.
    ///
    /// - Parameters:
    ///   - sources: Active codes to merge; the target may be among them.
    ///   - targetName: An active code, or a new name (the code is created).
    /// - Throws: `CodingError.unknownCode`, `.inactiveCode` or `.nothingToMerge`.
    public func mergeCodes(_ sources: [String], into targetName: String, reason: String? = nil, actor: String) throws -> MergeResult {
        try write { db in try Self.merge(sources, into: targetName, reason: reason, actor: actor, db) }
    }

    /// The merge itself, inside the caller's transaction (`mergeCodes`, `previewMerge`).
    static func merge(_ sources: [String], into targetName: String, reason: String?, actor: String, _ db: Database) throws -> MergeResult {
        var sourceCodes: [Code] = []
        for name in sources where !sourceCodes.contains(where: { $0.name == name }) {
            sourceCodes.append(try Self.activeCode(named: name, db))
        }
        let existingTarget = try Self.code(named: targetName.trimmingCharacters(in: .whitespaces), db).flatMap {
            $0.status == .active ? $0 : nil
        }
        let others = sourceCodes.filter { $0.id != existingTarget?.id }
        guard !others.isEmpty else { throw CodingError.nothingToMerge }
        let childIDs = try CodeRecord.filter(others.map(\.id).contains(CodeRecord.Columns.parentID))
            .select(CodeRecord.Columns.id, as: Int64.self).fetchAll(db)
        var scope = HistoryScope(codeIDs: Set(others.map(\.id) + childIDs))
        if let existingTarget { scope.codeIDs.insert(existingTarget.id) }
        var result = MergeResult(
            target: targetName, merged: others.map(\.name), movedCodings: 0, collapsedCodings: 0, createdTarget: existingTarget == nil)
        let summary = "merged \(others.map { "'\($0.name)'" }.joined(separator: ", ")) into '\(targetName)'"
        let step = try Self.recordStep(kind: .merge, summary: summary, reason: reason, actor: actor, scope: scope, db) { db, scope in
            let round = try Self.currentRound(db)
            let target =
                try existingTarget
                ?? {
                    let parent = Set(others.map(\.parentID)).count == 1 ? others[0].parentID : nil
                    let created = try Self.createCode(named: targetName, origin: .analyst, round: round, parentID: parent, db)
                    scope.codeIDs.insert(created.id)
                    return created
                }()
            result.target = target.name
            let now = Timestamp.now()
            for source in others {
                // Codings whose twin (same fragment, round, coder) is already on the target collapse into it.
                try db.execute(
                    sql: """
                        UPDATE coding AS t SET memo = (SELECT s.memo FROM coding s WHERE s.codeId = :source AND s.documentId = t.documentId
                              AND s.startUtterance = t.startUtterance AND IFNULL(s.startOffset, -1) = IFNULL(t.startOffset, -1)
                              AND s.endUtterance = t.endUtterance AND IFNULL(s.endOffset, -1) = IFNULL(t.endOffset, -1)
                              AND s.round = t.round AND s.coder = t.coder AND s.memo IS NOT NULL)
                        WHERE t.codeId = :target AND t.memo IS NULL
                        """, arguments: ["source": source.id, "target": target.id])
                try db.execute(
                    sql: """
                        DELETE FROM coding WHERE codeId = :source AND EXISTS (
                            SELECT 1 FROM coding t WHERE t.codeId = :target AND t.documentId = coding.documentId
                              AND t.startUtterance = coding.startUtterance AND IFNULL(t.startOffset, -1) = IFNULL(coding.startOffset, -1)
                              AND t.endUtterance = coding.endUtterance AND IFNULL(t.endOffset, -1) = IFNULL(coding.endOffset, -1)
                              AND t.round = coding.round AND t.coder = coding.coder)
                        """, arguments: ["source": source.id, "target": target.id])
                result.collapsedCodings += db.changesCount
                try db.execute(sql: "UPDATE coding SET codeId = ? WHERE codeId = ?", arguments: [target.id, source.id])
                result.movedCodings += db.changesCount
                let moved = try Self.moveTimeSpanCodings(from: source.id, to: target.id, db)
                result.collapsedCodings += moved.collapsed
                result.movedCodings += moved.moved
                try db.execute(
                    sql: "INSERT OR IGNORE INTO codeTheme(codeId, themeId) SELECT ?, themeId FROM codeTheme WHERE codeId = ?",
                    arguments: [target.id, source.id])
                try db.execute(sql: "DELETE FROM codeTheme WHERE codeId = ?", arguments: [source.id])
                try db.execute(
                    sql: "UPDATE code SET parentId = ?, updatedAt = ? WHERE parentId = ?", arguments: [target.id, now, source.id])
                try db.execute(
                    literal: """
                        UPDATE code SET status = \(CodeStatus.merged.rawValue), mergedIntoId = \(target.id), updatedAt = \(now)
                        WHERE id = \(source.id)
                        """)
            }
            if target.parentID.map({ id in others.contains { $0.id == id } }) == true {
                try db.execute(sql: "UPDATE code SET parentId = NULL WHERE id = ?", arguments: [target.id])
            }
        }
        result.step = step.id
        return result
    }

    /// Nests a code under a parent (created when it does not exist), or moves it to the top level.
    ///
    /// - Parameter parentName: The parent, or `nil` for the top level.
    /// - Throws: `CodingError.unknownCode`, `.inactiveCode` or `.cycle`.
    @discardableResult
    public func moveCode(_ name: String, under parentName: String?, reason: String? = nil, actor: String) throws -> HistoryEntry {
        try write { db in
            let code = try Self.activeCode(named: name, db)
            let existingParent = try parentName.flatMap { try Self.code(named: $0, db) }.flatMap { $0.status == .active ? $0 : nil }
            if let existingParent {
                var ancestor: Code? = existingParent
                while let current = ancestor {
                    if current.id == code.id { throw CodingError.cycle(code: code.name, parent: existingParent.name) }
                    ancestor = try current.parentID.flatMap { try Self.code(id: $0, db) }
                }
            }
            var scope = HistoryScope(codeIDs: [code.id])
            if let existingParent { scope.codeIDs.insert(existingParent.id) }
            let summary = parentName.map { "moved '\(code.name)' under '\($0)'" } ?? "moved '\(code.name)' to the top level"
            return try Self.recordStep(kind: .move, summary: summary, reason: reason, actor: actor, scope: scope, db) { db, scope in
                var parentID = existingParent?.id
                if let parentName, parentID == nil {
                    let created = try Self.createCode(named: parentName, origin: .analyst, round: try Self.currentRound(db), db)
                    scope.codeIDs.insert(created.id)
                    parentID = created.id
                }
                try db.execute(
                    sql: "UPDATE code SET parentId = ?, updatedAt = ? WHERE id = ?", arguments: [parentID, Timestamp.now(), code.id])
            }
        }
    }

    /// Retires a code: it stays with its codings, but counts for no theme and takes no new codings.
    ///
    /// - Throws: `CodingError.unknownCode` or `.inactiveCode`.
    @discardableResult
    public func retireCode(_ name: String, reason: String? = nil, actor: String) throws -> HistoryEntry {
        try write { db in
            let code = try Self.activeCode(named: name, db)
            return try Self.recordStep(
                kind: .retire, summary: "retired '\(code.name)'", reason: reason, actor: actor,
                scope: HistoryScope(codeIDs: [code.id]), db
            ) { db, _ in
                try db.execute(
                    literal: "UPDATE code SET status = \(CodeStatus.retired.rawValue), updatedAt = \(Timestamp.now()) WHERE id = \(code.id)"
                )
            }
        }
    }

    /// Splits a code: creates the new codes beside it and lists its codings for reassignment
    /// (`reassignCoding`). The original code stays active until the analyst retires it.
    ///
    /// - Throws: `CodingError.unknownCode`, `.inactiveCode`, `.codeExists`, `.emptyCodeName` or
    ///   `.controlCharacterInCodeName`.
    public func splitCode(_ name: String, into newNames: [String], reason: String? = nil, actor: String) throws -> SplitResult {
        try write { db in
            let code = try Self.activeCode(named: name, db)
            let codings = try Int64.fetchAll(db, sql: "SELECT id FROM coding WHERE codeId = ? ORDER BY id", arguments: [code.id])
            let names = try newNames.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { try CodeName.validated($0) }
            guard !names.isEmpty else { throw CodingError.emptyCodeName }
            let step = try Self.recordStep(
                kind: .split, summary: "split '\(code.name)' into \(names.map { "'\($0)'" }.joined(separator: ", "))",
                reason: reason, actor: actor, scope: HistoryScope(codeIDs: [code.id]), db
            ) { db, scope in
                let round = try Self.currentRound(db)
                for newName in names {
                    let created = try Self.createCode(named: newName, origin: .analyst, round: round, parentID: code.parentID, db)
                    scope.codeIDs.insert(created.id)
                }
            }
            return SplitResult(code: code.name, created: names, codingsToReassign: codings, step: step.id)
        }
    }

    /// Moves one coding to another active code (after a split, or to correct a coding).
    ///
    /// - Throws: `CodingError.noSuchCoding`, `.unknownCode` or `.inactiveCode`.
    @discardableResult
    public func reassignCoding(_ codingID: Int64, to codeName: String, reason: String? = nil, actor: String) throws -> HistoryEntry {
        try write { db in
            guard let from = try Int64.fetchOne(db, sql: "SELECT codeId FROM coding WHERE id = ?", arguments: [codingID]) else {
                throw CodingError.noSuchCoding("id \(codingID)")
            }
            let target = try Self.activeCode(named: codeName, db)
            let source = try Self.code(id: from, db)
            return try Self.recordStep(
                kind: .reassign, summary: "moved coding \(codingID) from '\(source?.name ?? "?")' to '\(target.name)'",
                reason: reason, actor: actor, scope: HistoryScope(codeIDs: [from, target.id]), db
            ) { db, _ in
                try db.execute(sql: "UPDATE OR IGNORE coding SET codeId = ? WHERE id = ?", arguments: [target.id, codingID])
                if db.changesCount == 0 { try db.execute(sql: "DELETE FROM coding WHERE id = ?", arguments: [codingID]) }
            }
        }
    }

    /// Each active or retired code with the codes folded into it and its former names.
    public func lineage() throws -> [LineageEntry] {
        try read { db in
            let all = try Self.allCodes(db)
            let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
            let renames = try SQLRequest<Row>(
                literal: """
                    SELECT snapshot FROM history WHERE kind = \(HistoryEntry.Kind.rename.rawValue) AND undoneAt IS NULL ORDER BY id
                    """
            ).fetchAll(db)
            var formerNames: [Int64: [String]] = [:]
            for row in renames {
                let snapshot = try JSONDecoder().decode(StepSnapshot.self, from: row["snapshot"] as Data)
                let index = snapshot.before.codes.columns.firstIndex(of: "name")
                let idIndex = snapshot.before.codes.columns.firstIndex(of: "id")
                for values in snapshot.before.codes.rows {
                    if let index, let idIndex, case .text(let name) = values[index], case .integer(let id) = values[idIndex] {
                        formerNames[id, default: []].append(name)
                    }
                }
            }
            var merged: [Int64: [LineageEntry.MergedCode]] = [:]
            for code in all where code.status == .merged {
                let into = code.mergedIntoID.flatMap { byID[$0]?.name } ?? "?"
                merged[code.followingMerges({ byID[$0] }).id, default: []].append(
                    .init(name: code.name, round: code.round, origin: code.origin, into: into))
            }
            return all.filter { $0.status != .merged }.map { code in
                LineageEntry(code: code.name, status: code.status, formerNames: formerNames[code.id] ?? [], merged: merged[code.id] ?? [])
            }.sorted { $0.code < $1.code }
        }
    }
}
