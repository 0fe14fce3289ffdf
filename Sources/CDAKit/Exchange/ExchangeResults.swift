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

/// What storing an import plan added to the project.
public struct ExchangeImportCounts: Sendable, Hashable, Codable {
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
    /// The round the codings went to: the project's current round.
    public var round = 1
    /// Memos added.
    public var memosAdded = 0
    /// Themes added.
    public var themesAdded = 0
    /// Code → theme mappings added.
    public var mappingsAdded = 0
    /// What the project could not take (a memo where one exists, a coding outside its utterance).
    public var notMapped: [String] = []

    /// No counts yet.
    public init() {}

    /// These counts and `other`'s together (the round is this one's).
    func adding(_ other: ExchangeImportCounts) -> ExchangeImportCounts {
        var sum = self
        sum.documentsAdded += other.documentsAdded
        sum.documentsUnchanged += other.documentsUnchanged
        sum.speakers += other.speakers
        sum.codesCreated += other.codesCreated
        sum.codesMatched += other.codesMatched
        sum.codingsAdded += other.codingsAdded
        sum.codingsPresent += other.codingsPresent
        sum.memosAdded += other.memosAdded
        sum.themesAdded += other.themesAdded
        sum.mappingsAdded += other.mappingsAdded
        sum.notMapped += other.notMapped
        return sum
    }
}

/// What `cda import qdpx` or `cda import qdc` did.
public struct ExchangeImportResult: Sendable, Hashable, Codable {
    /// The file read.
    public var file: String
    /// Documents added.
    public var documentsAdded: [String]
    /// Documents already in the project with the same text.
    public var documentsUnchanged: [String]
    /// Speakers recognised, over all documents.
    public var speakers: Int
    /// Codes created.
    public var codesCreated: Int
    /// Codes matched to codes the project had (by GUID, else by name).
    public var codesMatched: Int
    /// Codings added.
    public var codingsAdded: Int
    /// Codings the project already had.
    public var codingsPresent: Int
    /// The round the codings went to (the project's current round; REFI-QDA has no rounds).
    public var round: Int
    /// Memos added.
    public var memosAdded: Int
    /// Themes added.
    public var themesAdded: Int
    /// Code → theme mappings added.
    public var mappingsAdded: Int
    /// How each source's positions were read, and why.
    public var positions: [SourcePositions] = []
    /// Ids repaired on the way in (`FILE:LINE: code 'c001' had no valid guid; given a new one`).
    public var repairs: [String] = []
    /// What was invalid or could not be placed exactly and so was not imported (a lenient import
    /// only; a strict one refuses the file instead).
    public var leftOut: [String] = []
    /// What `cda` has no place for, or adjusted, in words (with the file and line where known).
    public var notMapped: [String] = []
    /// The schema the file was validated against, or `nil` when schema validation was skipped.
    public var validatedWith: String?
    /// Recordings of audio and video sources, extracted beside the project and linked to their
    /// documents, in words (`citizens-1: study-media/citizens-1.ogg`).
    public var recordings: [String] = []

    /// The result of storing a plan read from `file`.
    public init(file: String, stored: ExchangeImportCounts) {
        self.file = file
        documentsAdded = stored.documentsAdded
        documentsUnchanged = stored.documentsUnchanged
        speakers = stored.speakers
        codesCreated = stored.codesCreated
        codesMatched = stored.codesMatched
        codingsAdded = stored.codingsAdded
        codingsPresent = stored.codingsPresent
        round = stored.round
        memosAdded = stored.memosAdded
        themesAdded = stored.themesAdded
        mappingsAdded = stored.mappingsAdded
    }

    /// Whether everything in the file was imported or repaired.
    public var isComplete: Bool { leftOut.isEmpty }
}

/// The outcome of `cda validate`.
public struct ExchangeValidationResult: Sendable, Hashable, Codable {
    /// The file checked.
    public var file: String
    /// The schema used, or `nil` when none was found and only `cda`'s own checks ran (well-formed
    /// XML, GUIDs, references, positions inside the sources).
    public var schema: String?
    /// Problems found (none when the file is valid).
    public var problems: [String]

    /// Whether the file is valid.
    public var isValid: Bool { problems.isEmpty }
}
