internal import GRDB

extension ProjectStore {
    /// Runs `body`, a run of write transactions such as an ingest of many files, without waiting
    /// for the disk at each commit; when it ends, everything it committed is written through to the
    /// project file and the disk at once.
    ///
    /// Inside, SQLite's write-ahead log is synced at checkpoints rather than at every commit
    /// (`synchronous = NORMAL`): a crash or power cut still leaves each transaction all there or
    /// not there at all, never half of one; it may lose the last few commits of the run, which a
    /// rerun of the ingest adds again (files already stored are recognised and skipped). The final
    /// checkpoint makes the whole run durable before this returns.
    ///
    /// - Throws: What `body` throws, or `StoreError` when SQLite cannot change the setting or write
    ///   the run through.
    public func bulkLoad<T>(_ body: () throws -> T) throws -> T {
        try setPragmas(synchronous: "NORMAL", checkpointPages: 16_384)
        let result: T
        do {
            result = try body()
        } catch {
            try? setPragmas(synchronous: "FULL", checkpointPages: 1_000)
            throw error
        }
        try setPragmas(synchronous: "FULL", checkpointPages: 1_000)
        do {
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(FULL)") }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
        return result
    }

    /// Runs `body` in one write transaction, taken at once (`BEGIN IMMEDIATE`), so that another
    /// writer makes it fail at the start rather than halfway. Committed when `body` returns,
    /// rolled back when it throws.
    ///
    /// A long `body` keeps other writers (a workbench) waiting until it ends.
    ///
    /// - Throws: What `body` throws; `StoreError` for SQLite's errors.
    func writeInOneTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        var result: T?
        do {
            try database.writeWithoutTransaction { db in
                try writeCheck.runOnce { try quickCheck(db) }
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
        return result!
    }

    /// Sets how SQLite syncs commits, and how large (in pages) the log may grow before it is
    /// written into the project file (SQLite's default is 1,000 pages: 4 MiB).
    private func setPragmas(synchronous level: String, checkpointPages: Int) throws {
        do {
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = \(level)")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(checkpointPages)")
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }
}
