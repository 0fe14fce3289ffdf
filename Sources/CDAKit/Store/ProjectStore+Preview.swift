import Foundation
internal import GRDB

/// What a merge would do, computed by running it and rolling it back.
public struct MergePreview: Sendable, Hashable, Codable {
    /// What the merge would report (`movedCodings`, `collapsedCodings`, `createdTarget`, …).
    public var result: MergeResult
    /// Distinct fragments of the codes to merge (the target excluded).
    public var sourceFragments: Int
    /// Distinct fragments of the target before the merge (0 for a new target).
    public var targetFragmentsBefore: Int
    /// Distinct fragments of the target after the merge.
    public var targetFragmentsAfter: Int
    /// Fragments the target gains: `targetFragmentsAfter - targetFragmentsBefore` (fragments the
    /// target already had collapse and do not count).
    public var fragmentsMoving: Int

    init(result: MergeResult, sourceFragments: Int, targetFragmentsBefore: Int, targetFragmentsAfter: Int) {
        self.result = result
        self.sourceFragments = sourceFragments
        self.targetFragmentsBefore = targetFragmentsBefore
        self.targetFragmentsAfter = targetFragmentsAfter
        fragmentsMoving = targetFragmentsAfter - targetFragmentsBefore
    }
}

extension ProjectStore {
    /// Shows what `mergeCodes` would do without changing anything: the merge runs in a
    /// transaction that is rolled back, so the figures are exactly those of the real step
    /// (as long as nobody changes the codes in between).
    ///
    /// - Parameters:
    ///   - sources: Active codes to merge; the target may be among them.
    ///   - targetName: An active code, or a new name.
    /// - Returns: The merge result and the fragment counts before and after.
    /// - Throws: The errors of `mergeCodes`: `CodingError.unknownCode`, `.inactiveCode` or `.nothingToMerge`.
    public func previewMerge(_ sources: [String], into targetName: String) throws -> MergePreview {
        try dryRun { db in
            let name = targetName.trimmingCharacters(in: .whitespaces)
            let targetBefore = try Self.code(named: name, db).flatMap { $0.status == .active ? $0.id : nil }
            var sourceIDs: [Int64] = []
            for source in sources {
                let code = try Self.activeCode(named: source, db)
                if code.id != targetBefore { sourceIDs.append(code.id) }
            }
            let sourceFragments = try Self.distinctFragments(codeIDs: sourceIDs, db)
            let before = try targetBefore.map { try Self.distinctFragments(codeIDs: [$0], db) } ?? 0
            var result = try Self.merge(sources, into: targetName, reason: nil, actor: "preview", db)
            result.step = nil  // rolled back with the rest: there is no step to undo
            let targetAfter = try Self.code(named: result.target, db).map(\.id)
            let after = try targetAfter.map { try Self.distinctFragments(codeIDs: [$0], db) } ?? 0
            return MergePreview(
                result: result, sourceFragments: sourceFragments, targetFragmentsBefore: before, targetFragmentsAfter: after)
        }
    }

    /// Distinct fragments coded with any of the codes (as stored, not resolved).
    static func distinctFragments(codeIDs: [Int64], _ db: Database) throws -> Int {
        guard !codeIDs.isEmpty else { return 0 }
        return try SQLRequest<Int>(
            literal: """
                SELECT COUNT(*) FROM (SELECT DISTINCT documentId, startUtterance, IFNULL(startOffset, -1), endUtterance, IFNULL(endOffset, -1)
                                      FROM coding WHERE codeId IN \(idsIn: codeIDs))
                """
        ).fetchOne(db) ?? 0
    }

    /// Runs `body` in a write transaction that is always rolled back, mapping database errors to `StoreError`.
    func dryRun<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.writeWithoutTransaction { db in
                var value: T?
                try db.inTransaction(.immediate) {
                    value = try body(db)
                    return .rollback
                }
                return value!
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }
}
