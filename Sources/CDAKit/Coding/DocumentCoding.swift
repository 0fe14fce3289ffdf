/// One coding as a transcript view highlights it: where it is, which code holds it now, who made it.
public struct DocumentCoding: Sendable, Hashable, Codable {
    /// The coding's id.
    public var id: Int64
    /// The code that holds the coding after consolidation (merges followed).
    public var code: String
    /// That code's id.
    public var codeID: Int64
    /// That code's status: `active`, or `retired` (its codings count for no theme).
    public var status: CodeStatus
    /// That code's display colour (`#rrggbb`).
    public var color: String?
    /// The fragment. Offsets are Unicode scalar offsets, zero-based, end-exclusive.
    public var fragment: Fragment
    /// The round, 1 or 2.
    public var round: Int
    /// Who coded it.
    public var coder: String
    /// The memo on this coding, if any.
    public var memo: String?
    /// When it was made (ISO 8601).
    public var createdAt: String
    /// Why a revision of the transcript marked it for review (its words had no counterpart and it
    /// was kept on the whole utterance); `nil` when it needs none.
    public var review: String? = nil
}

/// How many codings and distinct fragments one document has in one round.
public struct DocumentCodingCount: Sendable, Hashable, Codable {
    /// The document id.
    public var document: String
    /// The round.
    public var round: Int
    /// Codings.
    public var codings: Int
    /// Distinct fragments.
    public var fragments: Int
}
