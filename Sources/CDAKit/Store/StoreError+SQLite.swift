internal import GRDB

extension StoreError {
    /// The error a researcher should see for an SQLite failure on the project at `path`: the real
    /// cause when SQLite names one (disk full, read-only, permission, damage), else its message.
    static func from(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode.primaryResultCode {
        case .SQLITE_FULL: .diskFull(path: path)
        case .SQLITE_READONLY: .readOnly(path: path)
        case .SQLITE_PERM, .SQLITE_AUTH: .permissionDenied(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: .damaged(path: path)
        case .SQLITE_IOERR where AtomicFile.likelyReason(forWriting: path) == AtomicFile.diskFull:
            // Growing the shared-memory file or the log on a full disk fails as an I/O error.
            .diskFull(path: path)
        case .SQLITE_IOERR where error.extendedResultCode == .SQLITE_IOERR_WRITE || error.extendedResultCode == .SQLITE_IOERR_FSYNC:
            // A failed write on a full disk often shows as an I/O error.
            .database(
                path: path,
                message: "the file could not be written (\(error.message ?? "I/O error")); check that the disk has space and works")
        default: .database(path: path, message: error.message ?? "SQLite error \(error.resultCode.rawValue)")
        }
    }
}
