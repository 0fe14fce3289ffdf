/// What a revision does with one coding.
public struct CodingRevision: Sendable, Hashable, Codable {
    /// What became of the coding.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Same place, same text.
        case unchanged
        /// Its words are at another place, or were corrected in place.
        case moved
        /// Its words are gone; see the policy for what is done.
        case conflict
    }

    /// The coding's id (kept across the revision).
    public var codingID: Int64
    /// The code's name.
    public var code: String
    /// Where the coding was.
    public var old: Fragment
    /// The text it covered.
    public var oldText: String
    /// What became of it.
    public var outcome: Outcome
    /// Where it is now: for a conflict, the whole candidate utterance (`nil` when the new text has none).
    public var new: Fragment?
    /// The text it covers now (for a conflict, the candidate utterance's).
    public var newText: String?
    /// Whether, at its new place, an identical coding (same code, coder and round) was already
    /// there, so that the two became one.
    public var joinedIdentical = false

    /// Creates the record of one coding.
    public init(codingID: Int64, code: String, old: Fragment, oldText: String, outcome: Outcome, new: Fragment?, newText: String?) {
        self.codingID = codingID
        self.code = code
        self.old = old
        self.oldText = oldText
        self.outcome = outcome
        self.new = new
        self.newText = newText
    }

    /// Plans the codings of a document through an alignment.
    ///
    /// - Parameter codings: Each coding's id, code name and fragment, in any order.
    /// - Returns: One entry per coding, in the order given.
    public static func plan(_ codings: [(id: Int64, code: String, fragment: Fragment)], through alignment: TranscriptAlignment)
        -> [CodingRevision]
    {
        codings.map { coding in
            let oldText = alignment.oldText(of: coding.fragment)
            switch alignment.map(coding.fragment) {
            case .unchanged:
                return CodingRevision(
                    codingID: coding.id, code: coding.code, old: coding.fragment, oldText: oldText, outcome: .unchanged,
                    new: coding.fragment, newText: oldText)
            case .moved(let fragment):
                return CodingRevision(
                    codingID: coding.id, code: coding.code, old: coding.fragment, oldText: oldText, outcome: .moved,
                    new: fragment, newText: alignment.newText(of: fragment))
            case .conflict(let candidate):
                let place = candidate.map { Fragment(documentID: coding.fragment.documentID, startUtterance: $0) }
                return CodingRevision(
                    codingID: coding.id, code: coding.code, old: coding.fragment, oldText: oldText, outcome: .conflict,
                    new: place, newText: place.map(alignment.newText(of:)))
            }
        }
    }
}
