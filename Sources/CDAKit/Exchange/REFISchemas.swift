import Foundation

/// Where the official REFI-QDA XML Schemas are: `Project.xsd` and `Codebook.xsd` in one folder.
///
/// `cda` does not ship the schemas; it looks for them, in order, in the folder given with
/// `--schemas DIR`, in `$CDA_REFI_SCHEMAS`, and in the per-user data folder
/// `$XDG_DATA_HOME/cda/refi-qda` (`~/.local/share/cda/refi-qda` when `XDG_DATA_HOME` is unset).
public struct REFISchemas: Sendable, Hashable {
    /// The folder holding both files.
    public var directory: String

    /// `Project.xsd`, for `project.qde`.
    public var projectSchema: String { directory + "/Project.xsd" }
    /// `Codebook.xsd`, for `.qdc` files.
    public var codebookSchema: String { directory + "/Codebook.xsd" }

    /// Uses a folder, which must hold both files.
    ///
    /// - Throws: `ExchangeError.schemasNotFound` when one is missing.
    public init(directory: String) throws(ExchangeError) {
        let trimmed = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        guard Self.holdsSchemas(trimmed) else { throw .schemasNotFound(searched: [trimmed]) }
        self.directory = trimmed
    }

    /// Finds the schemas.
    ///
    /// - Parameters:
    ///   - explicit: The folder given with `--schemas`; when set, only it is used.
    ///   - environment: The environment to read `CDA_REFI_SCHEMAS`, `XDG_DATA_HOME` and `HOME`
    ///     from; the process's when `nil`.
    /// - Throws: `ExchangeError.schemasNotFound`, listing every place looked in.
    public static func locate(explicit: String?, environment: [String: String]? = nil) throws(ExchangeError) -> REFISchemas {
        if let explicit { return try REFISchemas(directory: explicit) }
        let environment = environment ?? ProcessInfo.processInfo.environment
        var searched: [String] = []
        if let fromEnvironment = environment["CDA_REFI_SCHEMAS"], !fromEnvironment.isEmpty {
            if holdsSchemas(fromEnvironment) { return try REFISchemas(directory: fromEnvironment) }
            searched.append("$CDA_REFI_SCHEMAS (\(fromEnvironment))")
        } else {
            searched.append("$CDA_REFI_SCHEMAS (not set)")
        }
        if let userFolder = userDataFolder(environment) {
            if holdsSchemas(userFolder) { return try REFISchemas(directory: userFolder) }
            searched.append(userFolder)
        }
        throw .schemasNotFound(searched: searched)
    }

    /// `$XDG_DATA_HOME/cda/refi-qda`, else `$HOME/.local/share/cda/refi-qda`; `nil` without either.
    static func userDataFolder(_ environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/cda/refi-qda" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/share/cda/refi-qda"
    }

    private static func holdsSchemas(_ directory: String) -> Bool {
        ["Project.xsd", "Codebook.xsd"].allSatisfy { FileManager.default.isReadableFile(atPath: directory + "/" + $0) }
    }
}
