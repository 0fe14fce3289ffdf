import Foundation

/// Where the official REFI-QDA XML Schemas are: `Project.xsd` and `Codebook.xsd` in one folder.
///
/// `cda` does not ship the schemas; it looks for them, in order, in the folder given with
/// `--schemas DIR`, in `$CDA_REFI_SCHEMAS`, and in `../shared/standards/refi-qda` relative to the
/// current directory.
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
    ///   - environment: The environment to read `CDA_REFI_SCHEMAS` from; the process's when `nil`.
    ///   - currentDirectory: The folder `../shared/standards/refi-qda` is relative to; the
    ///     process's current directory when `nil`.
    /// - Throws: `ExchangeError.schemasNotFound`, listing every place looked in.
    public static func locate(
        explicit: String?, environment: [String: String]? = nil, currentDirectory: String? = nil
    ) throws(ExchangeError) -> REFISchemas {
        if let explicit { return try REFISchemas(directory: explicit) }
        let environment = environment ?? ProcessInfo.processInfo.environment
        let currentDirectory = currentDirectory ?? FileManager.default.currentDirectoryPath
        var searched: [String] = []
        if let fromEnvironment = environment["CDA_REFI_SCHEMAS"], !fromEnvironment.isEmpty {
            if holdsSchemas(fromEnvironment) { return try REFISchemas(directory: fromEnvironment) }
            searched.append("$CDA_REFI_SCHEMAS (\(fromEnvironment))")
        } else {
            searched.append("$CDA_REFI_SCHEMAS (not set)")
        }
        let shared = URL(fileURLWithPath: currentDirectory).appendingPathComponent("../shared/standards/refi-qda").standardizedFileURL.path
        if holdsSchemas(shared) { return try REFISchemas(directory: shared) }
        searched.append(shared)
        throw .schemasNotFound(searched: searched)
    }

    private static func holdsSchemas(_ directory: String) -> Bool {
        ["Project.xsd", "Codebook.xsd"].allSatisfy { FileManager.default.isReadableFile(atPath: directory + "/" + $0) }
    }
}
