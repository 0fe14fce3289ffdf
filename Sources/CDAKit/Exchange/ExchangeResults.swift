import Foundation

/// What `cda export qdpx` or `cda export qdc` wrote.
public struct ExchangeExportResult: Sendable, Hashable, Codable {
    /// How many items of each kind were written.
    public struct Counts: Sendable, Hashable, Codable {
        /// Text sources (documents).
        public var documents = 0
        /// Codes.
        public var codes = 0
        /// Selections (coded fragments).
        public var selections = 0
        /// Codings.
        public var codings = 0
        /// Notes (memos).
        public var notes = 0
        /// Cases (speakers).
        public var speakers = 0
        /// Users (coders and memo authors).
        public var users = 0
        /// Sets (themes).
        public var themes = 0
    }

    /// The file written.
    public var file: String
    /// What it holds.
    public var counts: Counts
    /// What REFI-QDA cannot carry, in words.
    public var omitted: [String]
    /// The schema the file was validated against, or `nil` when no schema was found.
    public var validatedWith: String?
}

/// What `cda import qdpx` or `cda import qdc` did.
public struct ExchangeImportResult: Sendable, Hashable, Codable {
    /// The file read.
    public var file: String
    /// Documents added.
    public var documentsAdded: [String] = []
    /// Documents already in the project with the same text.
    public var documentsUnchanged: [String] = []
    /// Speakers recognised, over all documents.
    public var speakers = 0
    /// Codes created.
    public var codesCreated = 0
    /// Codes matched to codes the project had (by GUID, else by name).
    public var codesMatched = 0
    /// Codings added.
    public var codingsAdded = 0
    /// Codings the project already had.
    public var codingsPresent = 0
    /// Memos added.
    public var memosAdded = 0
    /// Themes added.
    public var themesAdded = 0
    /// Code → theme mappings added.
    public var mappingsAdded = 0
    /// What could not be mapped, in words (with lines of `project.qde` where known).
    public var notMapped: [String] = []
    /// The schema the file was validated against, or `nil` when it was not validated.
    public var validatedWith: String?
}

/// The outcome of `cda validate`.
public struct ExchangeValidationResult: Sendable, Hashable, Codable {
    /// The file checked.
    public var file: String
    /// The schema used.
    public var schema: String
    /// Problems found (none when the file is valid).
    public var problems: [String]

    /// Whether the file is valid.
    public var isValid: Bool { problems.isEmpty }
}
