/// Choices for `cda dynamics` and the report's dynamics section.
public struct DynamicsOptions: Sendable, Hashable {
    /// The attribute to compare by (document or speaker attribute).
    public var by: String
    /// Only these documents (all when empty), by id.
    public var documents: [String]
    /// The round whose codings count for the initiations.
    public var round: ReportOptions.RoundChoice
    /// Whether speakers appear as `P01`, `P02`, … instead of their transcript labels.
    public var pseudonymize: Bool

    /// Creates options with the documented defaults.
    public init(by: String = "group", documents: [String] = [], round: ReportOptions.RoundChoice = .latest, pseudonymize: Bool = false) {
        self.by = by
        self.documents = documents
        self.round = round
        self.pseudonymize = pseudonymize
    }
}

extension ReportOptions.RoundChoice {
    /// The round number: for `latest`, round 2 once it has started, else round 1.
    ///
    /// - Throws: `CodingError.invalidRound` for a number other than 1 or 2.
    public func resolved(currentRound: Int) throws -> Int {
        switch self {
        case .latest: return currentRound >= 2 ? 2 : 1
        case .number(let number):
            guard (1...2).contains(number) else { throw CodingError.invalidRound(number) }
            return number
        }
    }
}
