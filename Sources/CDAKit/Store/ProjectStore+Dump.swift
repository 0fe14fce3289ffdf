internal import GRDB

extension ProjectStore {
    /// A deterministic text dump of every table except the history and the vocabulary, for
    /// comparing project states (tests check that `undo` restores a state exactly). The vocabulary
    /// only grows — words a revision added stay after its undo — while the token index rows that
    /// hold its ids are compared with the rest.
    func dump() throws -> String {
        try read { db in
            var lines: [String] = []
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                      AND name NOT IN ('history', 'vocabulary') ORDER BY name
                    """)
            for table in tables {
                lines.append("## \(table)")
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").count
                let order = (1...columns).map(String.init).joined(separator: ", ")
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                    lines.append(row.databaseValues.map(\.description).joined(separator: " | "))
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}
