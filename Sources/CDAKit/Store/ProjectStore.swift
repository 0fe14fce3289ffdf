import Foundation
internal import GRDB

/// A project: one SQLite file holding the corpus, the codes and the analysis.
///
/// The file uses write-ahead logging and a busy timeout, so several `cda` processes (a terminal
/// and the browser workbench, or a team's scripts) can work on one project at once; every change
/// runs in one immediate transaction.
public final class ProjectStore: Sendable {
    /// The path of the project file.
    public let path: String
    let database: DatabaseQueue
    /// Whether the file passed `PRAGMA quick_check` before this store's first write.
    let writeCheck = FirstWriteCheck()
    /// The vocabulary of the token index, kept between this store's write transactions.
    let vocabulary = VocabularyCache()

    /// Wraps an open database; `open(at:)` and `create(at:)` are the ways in, and `asOf(_:)` wraps a private copy.
    init(path: String, database: DatabaseQueue) {
        self.path = path
        self.database = database
    }

    /// Creates a new, empty project file with owner-only permissions (0600).
    ///
    /// The file is made whole under a hidden temporary name beside `path` and only then linked
    /// into place, so a killed `init` leaves no half-made project (at most the hidden file, which
    /// the next write of the same name removes).
    ///
    /// - Throws: `StoreError.projectExists` when the file exists, `.database` when SQLite fails.
    public static func create(at path: String) throws(StoreError) -> ProjectStore {
        if FileManager.default.fileExists(atPath: path) { throw .projectExists(path: path) }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            throw .database(path: path, message: "the folder '\(directory)' does not exist")
        }
        let temporary = AtomicFile.temporaryPath(beside: path)
        guard AtomicFile.createOwnerOnly(atPath: temporary) else {
            if access(directory.isEmpty ? "." : directory, W_OK) != 0 { throw .readOnly(path: path) }
            throw .database(path: path, message: "cannot create the file (\(AtomicFile.likelyReason(forWriting: path)))")
        }
        defer { for suffix in ["", "-wal", "-shm"] { unlink(temporary + suffix) } }
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: configuration())
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA application_id = \(ProjectSchema.applicationID)")
            }
            try ProjectSchema.migrator.migrate(queue)
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO projectInfo(key, value) VALUES ('createdAt', ?), ('createdBy', ?)",
                    arguments: [Timestamp.now(), CDAVersion.current])
            }
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try queue.close()
        } catch let error as DatabaseError {
            throw .from(error, path: path)
        } catch {
            throw .database(path: path, message: Self.describe(error))
        }
        try moveIntoPlace(temporary, path)
        return try open(at: path)
    }

    /// Gives the whole file at `temporary` the name `path`, never replacing a file that appeared
    /// there meanwhile: a hard link, or on file systems without them (FAT, some network shares) a
    /// rename after a last check.
    static func moveIntoPlace(_ temporary: String, _ path: String) throws(StoreError) {
        guard link(temporary, path) != 0 else { return }
        let reason = errno
        guard reason == EPERM || reason == ENOTSUP || reason == EXDEV || reason == ENOSYS,
            !FileManager.default.fileExists(atPath: path), rename(temporary, path) == 0
        else {
            throw reason == EEXIST || FileManager.default.fileExists(atPath: path)
                ? .projectExists(path: path) : .permissionDenied(path: path)
        }
    }

    /// Opens an existing project, migrating an older schema forward after copying the file to
    /// `PATH.before-upgrade-TIME.cda`.
    ///
    /// A project that cannot be written (a read-only disk or file) is opened read-only: commands
    /// that read work, and a write fails with `StoreError.readOnly`.
    ///
    /// - Throws: `StoreError.projectMissing`, `.notAProject`, `.newerSchema`, `.missingSchemaHistory`,
    ///   `.permissionDenied`, `.damaged`, `.readOnly` (an old schema that cannot be upgraded there)
    ///   or `.database`.
    public static func open(at path: String) throws(StoreError) -> ProjectStore {
        guard FileManager.default.fileExists(atPath: path) else { throw .projectMissing(path: path) }
        guard FileManager.default.isReadableFile(atPath: path) else { throw .permissionDenied(path: path) }
        let writable = canWrite(path)
        let queue: DatabaseQueue
        do {
            // On a read-only medium SQLite cannot make the WAL's shared-memory file: open the file
            // as immutable (a URI filename, which the system SQLite accepts) so reading works.
            let location =
                writable ? path : "file:\(path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)?immutable=1"
            queue = try DatabaseQueue(path: location, configuration: configuration(readOnly: !writable))
            let applicationID = try queue.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0 }
            guard applicationID == ProjectSchema.applicationID else {
                throw StoreError.notAProject(path: path, reason: "the SQLite file was not created by cda")
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_NOTADB {
            throw .notAProject(path: path, reason: "not an SQLite database, or a damaged one")
        } catch let error as DatabaseError {
            throw .from(error, path: path)
        } catch {
            throw .notAProject(path: path, reason: describe(error))
        }
        do {
            try upgrade(queue, at: path, writable: writable)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw .from(error, path: path)
        } catch {
            throw .database(path: path, message: describe(error))
        }
        return ProjectStore(path: path, database: queue)
    }

    /// Brings an older schema up to date, after keeping a copy of the file beside it.
    private static func upgrade(_ queue: DatabaseQueue, at path: String, writable: Bool) throws {
        let migrator = ProjectSchema.migrator
        let (superseded, complete, applied, tables) = try queue.read { db in
            (
                try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db), try migrator.appliedIdentifiers(db),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'document'") ?? 0
            )
        }
        if superseded { throw StoreError.newerSchema(path: path) }
        guard !complete else { return }
        // Tables without any recorded migration: upgrading would fail on every run, each time after
        // making another copy. Refuse once, clearly.
        if applied.isEmpty && tables > 0 { throw StoreError.missingSchemaHistory(path: path) }
        guard writable else { throw StoreError.readOnly(path: path) }
        // An older project: keep a copy before changing its schema.
        let backup = path + ".before-upgrade-\(Timestamp.now().replacingOccurrences(of: ":", with: "")).cda"
        if !FileManager.default.fileExists(atPath: backup),
            AtomicFile.createOwnerOnly(atPath: backup)
        {
            try queue.backup(to: try DatabaseQueue(path: backup))
        }
        try migrator.migrate(queue)
    }

    /// Whether the project file and its folder (for SQLite's journal files) can be written.
    private static func canWrite(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    static func configuration(readOnly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(60)
        configuration.foreignKeysEnabled = true
        configuration.publicStatementArguments = false
        return configuration
    }

    /// Runs `body` in one immediate write transaction, mapping database errors to `StoreError`.
    ///
    /// The first write of a store checks the whole file first (`PRAGMA quick_check`, inside the
    /// transaction): a project damaged in pages this write would not read is refused with
    /// `StoreError.damaged` instead of being written on.
    ///
    /// Another process holding the write lock makes SQLite wait (the busy timeout); if the
    /// transaction still fails with `SQLITE_BUSY`, it is retried a few times with a growing pause.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try database.write { db in
                    try writeCheck.runOnce { try quickCheck(db) }
                    return try body(db)
                }
            } catch let error as DatabaseError where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && attempt < 5
            {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            } catch let error as DatabaseError {
                throw StoreError.from(error, path: path)
            }
        }
    }

    /// Writes the write-ahead log into the project file and closes it, so the file is complete on
    /// its own (to be moved or copied); the store must not be used afterwards.
    ///
    /// - Throws: `StoreError` when SQLite cannot finish writing.
    public func close() throws {
        do {
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try database.close()
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }

    /// Runs `body` in a read transaction, mapping database errors to `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
    }

    /// Throws `StoreError.damaged` unless SQLite finds the file's structure sound: every page
    /// reachable, b-trees well formed, records well formed (not that indexes match their tables).
    ///
    /// - Complexity: Reads every page of the file once.
    func quickCheck(_ db: Database) throws {
        guard try String.fetchAll(db, sql: "PRAGMA quick_check(1)") == ["ok"] else { throw StoreError.damaged(path: path) }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
        return String(describing: error)
    }
}
