/// One place where coders differ: a unit and code on which their judgements are not all the same,
/// or (comparing segments) a segment another coder did not match.
public struct Disagreement: Sendable, Hashable {
    /// One coder's judgement.
    public enum Judgement: String, Sendable, Hashable, Codable {
        /// The coder coded it (with segments: coded it, or matched the segment).
        case present
        /// The coder coded the document but not this (with segments: did not match the segment).
        case absent
        /// The coder did not code the document in the round.
        case notCoded = "not coded"
    }

    /// A coder and their judgement.
    public struct CoderJudgement: Sendable, Hashable {
        /// The coder.
        public var coder: String
        /// The judgement.
        public var judgement: Judgement
    }

    /// The code's name.
    public var code: String
    /// Whether the code is in-vivo (coding sheets put such names in double quotes).
    public var inVivo: Bool
    /// The unit: a whole utterance, or the unmatched segment.
    public var fragment: Fragment
    /// Each coder's judgement, in the report's coder order.
    public var judgements: [CoderJudgement]
    /// Comparing segments: the coder whose segment it is.
    public var segmentCoder: String?
    /// The text of the unit, when the corpus was loaded with texts.
    public var text: String?

    /// The judgements in words: `A: present; B: absent`, or for a segment `segment by A; B: absent`.
    public var summary: String {
        let each = judgements.filter { $0.coder != segmentCoder }.map { "\($0.coder): \($0.judgement.rawValue)" }
        return ((segmentCoder.map { ["segment by \($0)"] } ?? []) + each).joined(separator: "; ")
    }
}
