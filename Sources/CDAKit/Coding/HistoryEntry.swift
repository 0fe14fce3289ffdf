/// One recorded consolidation step.
public struct HistoryEntry: Sendable, Hashable, Codable {
    /// The step's number, increasing.
    public var id: Int64
    /// `rename`, `merge`, `move`, `retire`, `split`, `reassign`, `map`, `unmap` or `remove`.
    public var kind: String
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
