internal import GRDB

extension ProjectStore {
    /// The values an attribute takes on documents and speakers: the groups `--by` compares.
    ///
    /// - Parameter attribute: A document or speaker attribute (`group`, `session`, `agegroup`, …).
    /// - Returns: The values in name order.
    /// - Throws: `AnalysisError.unknownAttribute` (listing the attributes there are) when no
    ///   document or speaker has the attribute; `StoreError.database`.
    public func groupNames(by attribute: String) throws -> [String] {
        try read { db in try Self.groupNames(db, by: attribute) }
    }

    /// Checks that every name is a value of the attribute.
    ///
    /// - Throws: `AnalysisError.unknownGroup` listing the groups there are, or `.unknownAttribute`.
    public func checkGroups(_ names: [String], by attribute: String) throws {
        let known = try groupNames(by: attribute)
        for name in names where !known.contains(name) {
            throw AnalysisError.unknownGroup(name, attribute: attribute, groups: known)
        }
    }

    static func groupNames(_ db: Database, by attribute: String) throws -> [String] {
        let values = try String.fetchAll(
            db,
            sql: """
                SELECT value FROM documentAttribute WHERE key = ? UNION SELECT value FROM speakerAttribute WHERE key = ? ORDER BY value
                """, arguments: [attribute, attribute])
        if values.isEmpty {
            let known = try String.fetchAll(
                db, sql: "SELECT key FROM documentAttribute UNION SELECT key FROM speakerAttribute ORDER BY key")
            throw AnalysisError.unknownAttribute(attribute, known: known)
        }
        return values
    }
}
