internal import GRDB

extension ProjectStore {
    /// Everyone who has worked on the project: the coders of its codings and the actors of its
    /// recorded steps, each once, sorted; for choosing who one is when coding.
    ///
    /// - Throws: `StoreError.database`.
    public func coders() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT coder FROM coding UNION SELECT actor FROM history ORDER BY 1")
        }
    }
}
