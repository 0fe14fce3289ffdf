/// Why a project file could not be opened, read or changed.
///
/// Messages name paths and ids, never transcript text or SQL arguments, and say the real cause
/// (disk full, read-only, permission, damage) with what to do.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No project exists at the path.
    case projectMissing(path: String)
    /// `cda init` was asked to create a project that already exists.
    case projectExists(path: String)
    /// The file is not a `cda` project (or not an SQLite database at all).
    case notAProject(path: String, reason: String)
    /// The project was written by a newer `cda`.
    case newerSchema(path: String)
    /// SQLite reported an error.
    case database(path: String, message: String)
    /// The disk (or the file system holding the project) is full; nothing was changed.
    case diskFull(path: String)
    /// The project lies on a read-only medium or is not writable; reading still works.
    case readOnly(path: String)
    /// The file or its folder may not be read or written by this user.
    case permissionDenied(path: String)
    /// The file is damaged (SQLite found it malformed).
    case damaged(path: String)
    /// The project has tables but no record of its schema versions: it cannot be upgraded safely.
    case missingSchemaHistory(path: String)

    /// A message naming the project file and what to do.
    public var description: String {
        switch self {
        case .projectMissing(let path):
            return
                "\(path): no project here. Create one with 'cda init --project \(path)', or point --project (or CDA_PROJECT) at an existing one."
        case .projectExists(let path):
            return "\(path): a project already exists here; it was left unchanged"
        case .notAProject(let path, let reason):
            return "\(path): not a cda project (\(reason))"
        case .newerSchema(let path):
            return "\(path): this project was written by a newer version of cda; update cda to open it. The file was left unchanged."
        case .database(let path, let message):
            return "\(path): database error: \(message)"
        case .diskFull(let path):
            return "\(path): the disk is full; nothing was changed. Free some space and run the command again."
        case .readOnly(let path):
            return
                "\(path): the project cannot be written (a read-only disk, folder or file); nothing was changed. Commands that only read still work; copy the project to a writable folder to change it."
        case .permissionDenied(let path):
            return "\(path): permission denied; check who owns the file and its folder."
        case .damaged(let path):
            return
                "\(path): the project file is damaged; nothing more was written to it. Restore it from a backup ('cda backup' copies, or the .before-upgrade copies beside it)."
        case .missingSchemaHistory(let path):
            return
                "\(path): the project has lost its record of schema versions, so cda cannot tell how to upgrade it; the file was left unchanged. Restore it from a backup."
        }
    }
}
