/// What `cda consensus` did: the codings all coders agree on, added under the consensus coder,
/// and the disagreements left to settle.
public struct ConsensusResult: Sendable, Hashable, Encodable {
    /// The consensus coder the agreed codings were added under.
    public var coder: String
    /// The coders compared.
    public var coders: [String]
    /// The round compared and coded.
    public var round: Int
    /// (unit, code) pairs that two or more coders judged and all judged present.
    public var agreed: Int
    /// Of those, codings added.
    public var added: Int
    /// Of those, codings the consensus coder had already.
    public var alreadyPresent: Int
    /// Retired codes whose agreements were not added (a retired code takes no new codings).
    public var retiredCodes: [String]
    /// Where the coders differ, to settle in a sheet.
    public var disagreements: [Disagreement]

    private enum Keys: String, CodingKey {
        case coder, coders, round, agreed, added, disagreements
        case alreadyPresent = "already_present"
        case retiredCodes = "retired_codes"
    }

    /// Writes the counts; the disagreements as their number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(coder, forKey: .coder)
        try container.encode(coders, forKey: .coders)
        try container.encode(round, forKey: .round)
        try container.encode(agreed, forKey: .agreed)
        try container.encode(added, forKey: .added)
        try container.encode(alreadyPresent, forKey: .alreadyPresent)
        try container.encode(retiredCodes, forKey: .retiredCodes)
        try container.encode(disagreements.count, forKey: .disagreements)
    }
}
