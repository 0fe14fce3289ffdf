internal import GRDB

extension ProjectStore {
    /// A deterministic text dump of every table except the history, for comparing project states
    /// (tests check that `undo` restores a state exactly).
    func dump() throws -> String {
        try read { db in
            var lines: [String] = []
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                      AND name != 'history' ORDER BY name
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
