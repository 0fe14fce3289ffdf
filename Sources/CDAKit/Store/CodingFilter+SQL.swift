internal import GRDB

extension CodingFilter {
    /// The ids of the matching codings.
    func matchingIDs(_ db: Database) throws -> [Int64] {
        if isTimeSpanOnly { return [] }
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let codingID {
            clauses.append("id = ?")
            arguments += [codingID]
        }
        if let fragment {
            clauses.append(
                "documentId = ? AND startUtterance = ? AND IFNULL(startOffset, -1) = ? AND endUtterance = ? AND IFNULL(endOffset, -1) = ?")
            arguments += [
                fragment.documentID, fragment.startUtterance, fragment.startOffset ?? -1, fragment.endUtterance, fragment.endOffset ?? -1,
            ]
        } else if let documentID {
            clauses.append("documentId = ?")
            arguments += [documentID]
        }
        try addSharedClauses(to: &clauses, &arguments, db)
        guard !clauses.isEmpty else { return [] }
        return try Int64.fetchAll(
            db, sql: "SELECT id FROM coding WHERE \(clauses.joined(separator: " AND ")) ORDER BY id", arguments: arguments)
    }

    /// The ids of the matching time-span codings.
    func matchingTimeSpanIDs(_ db: Database) throws -> [Int64] {
        if isTextOnly { return [] }
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let timeSpanCodingID {
            clauses.append("id = ?")
            arguments += [timeSpanCodingID]
        }
        if let timeSpan {
            clauses.append("documentId = ? AND startMs = ? AND endMs = ?")
            arguments += [timeSpan.documentID, timeSpan.startMilliseconds, timeSpan.endMilliseconds]
        } else if let documentID {
            clauses.append("documentId = ?")
            arguments += [documentID]
        }
        try addSharedClauses(to: &clauses, &arguments, db)
        guard !clauses.isEmpty else { return [] }
        return try Int64.fetchAll(
            db, sql: "SELECT id FROM timeSpanCoding WHERE \(clauses.joined(separator: " AND ")) ORDER BY id", arguments: arguments)
    }

    /// The conditions text codings and time spans share: code, round and coder.
    private func addSharedClauses(to clauses: inout [String], _ arguments: inout StatementArguments, _ db: Database) throws {
        if let codeName {
            let code = try ProjectStore.activeCode(named: codeName, db)
            clauses.append("codeId = ?")
            arguments += [code.id]
        }
        if let round {
            clauses.append("round = ?")
            arguments += [round]
        }
        if let coder {
            clauses.append("coder = ?")
            arguments += [coder]
        }
    }
}
