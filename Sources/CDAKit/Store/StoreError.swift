/// Why a project file could not be opened, read or changed.
///
/// Messages name paths and ids, never transcript text or SQL arguments.
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

    /// A message naming the project file and what to do.
    public var description: String {
        switch self {
        case .projectMissing(let path):
            return "\(path): no project here. Create one with 'cda init --project \(path)', or point --project (or CDA_PROJECT) at an existing one."
        case .projectExists(let path):
            return "\(path): a project already exists here; it was left unchanged"
        case .notAProject(let path, let reason):
            return "\(path): not a cda project (\(reason))"
        case .newerSchema(let path):
            return "\(path): this project was written by a newer version of cda; update cda to open it. The file was left unchanged."
        case .database(let path, let message):
            return "\(path): database error: \(message)"
        }
    }
}
