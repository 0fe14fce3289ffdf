/// What an agreement check compares: which coders, round, documents and codes, on which unit.
public struct AgreementOptions: Sendable, Hashable {
    /// The coders, two or more, in the order the report lists them.
    public var coders: [String]
    /// The round whose codings are compared; `nil` for the current round.
    public var round: Int?
    /// The documents; empty for every document one of the coders coded in the round.
    public var documents: [String]
    /// The codes (consolidated names; a merged code's name stands for its target); empty for every
    /// code one of the coders used.
    public var codes: [String]
    /// The unit of comparison.
    public var unit: AgreementUnit
    /// Whether moderators' and observers' utterances are units too.
    public var includeModerators: Bool

    /// Creates options; by default the current round, every coded document and code, per utterance.
    public init(
        coders: [String], round: Int? = nil, documents: [String] = [], codes: [String] = [],
        unit: AgreementUnit = .utterance, includeModerators: Bool = false
    ) {
        self.coders = coders
        self.round = round
        self.documents = documents
        self.codes = codes
        self.unit = unit
        self.includeModerators = includeModerators
    }
}

/// The unit on which coders are compared.
public enum AgreementUnit: Sendable, Hashable {
    /// Each counted utterance is a unit; per code, a coder's judgement is *present* when one of the
    /// coder's codings of the code covers at least one code point of the utterance, else *absent*.
    case utterance
    /// Each coded segment is checked against the other coders' segments of the same code: it
    /// matches when their overlap is at least `minimumOverlap` (0…1) of the two segments' union,
    /// counted in code points of counted utterances (see `SegmentMatching`).
    case segment(minimumOverlap: Double)

    /// `utterance` or `segment`.
    public var name: String {
        switch self {
        case .utterance: return "utterance"
        case .segment: return "segment"
        }
    }
}
