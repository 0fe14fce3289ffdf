/// Where a code's name comes from.
public enum CodeOrigin: String, Sendable, Hashable, Codable, CaseIterable {
    /// Named by the analyst.
    case analyst
    /// Taken from the participants' own words.
    case inVivo = "in-vivo"
    /// Proposed by the tool (a dictionary or suggestion) and accepted.
    case suggested
}

/// Where a code stands after consolidation.
public enum CodeStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// In use.
    case active
    /// Merged into another code, which now holds its codings; kept for lineage.
    case merged
    /// No longer used; its codings stay but count for no theme.
    case retired
}

/// A code: a label the analyst attaches to fragments.
public struct Code: Sendable, Hashable, Codable {
    /// The project-wide numeric id.
    public var id: Int64
    /// The name, unique among active codes.
    public var name: String
    /// What the code means.
    public var description: String
    /// A display colour as `#rrggbb`.
    public var color: String?
    /// Where the name comes from.
    public var origin: CodeOrigin
    /// The round the code was created in (1 or 2).
    public var round: Int
    /// The parent category, if nested.
    public var parentID: Int64?
    /// Active, merged or retired.
    public var status: CodeStatus
    /// The code this one was merged into.
    public var mergedIntoID: Int64?
    /// When the code was created (ISO 8601).
    public var createdAt: String
    /// When it last changed (ISO 8601).
    public var updatedAt: String
}

/// A coding: one code attached to one fragment in one round by one coder.
public struct Coding: Sendable, Hashable, Codable {
    /// The numeric id.
    public var id: Int64
    /// The code as stored (it may since have been merged: resolve it for counting).
    public var codeID: Int64
    /// The coded fragment.
    public var fragment: Fragment
    /// The coding round, 1 or 2.
    public var round: Int
    /// Who coded it.
    public var coder: String
    /// An optional memo on this coding.
    public var memo: String?
    /// When it was made (ISO 8601).
    public var createdAt: String
}
