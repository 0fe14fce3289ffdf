/// One recorded consolidation step.
public struct HistoryEntry: Sendable, Hashable, Codable {
    /// The step's number, increasing.
    public var id: Int64
    /// What kind of step it was.
    public var kind: Kind
    /// What the step did, in words.
    public var summary: String
    /// Why, as the analyst said.
    public var reason: String?
    /// Who did it.
    public var actor: String
    /// When (ISO 8601).
    public var at: String
    /// When it was undone, if it was.
    public var undoneAt: String?

    /// The kinds of consolidation step; the raw values are the project file's and the JSON's.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A code renamed.
        case rename
        /// Codes merged into one.
        case merge
        /// A code nested under a parent or moved to the top.
        case move
        /// A code retired.
        case retire
        /// New codes made from one, its codings listed to reassign.
        case split
        /// A coding moved to another code.
        case reassign
        /// A code mapped to a theme.
        case map
        /// A code unmapped from a theme.
        case unmap
        /// Codings removed.
        case remove
        /// A code given another colour.
        case recolor
        /// A coded document revised from a new version of its file.
        case revision
    }
}

/// A consolidated code with every code folded into it.
public struct LineageEntry: Sendable, Hashable, Codable {
    /// The active (or retired) code.
    public var code: String
    /// Its status.
    public var status: CodeStatus
    /// Earlier names of this code, oldest first.
    public var formerNames: [String]
    /// Codes merged into it, directly or through other merges.
    public var merged: [MergedCode]

    /// A code that was merged.
    public struct MergedCode: Sendable, Hashable, Codable {
        /// Its name when it was merged.
        public var name: String
        /// The round it was created in.
        public var round: Int
        /// Its origin.
        public var origin: CodeOrigin
        /// The code it was merged into directly.
        public var into: String
    }
}
