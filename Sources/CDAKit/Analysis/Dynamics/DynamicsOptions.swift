/// Choices for `cda dynamics` and the report's dynamics section.
public struct DynamicsOptions: Sendable, Hashable {
    /// The attribute to compare by (document or speaker attribute).
    public var by: String
    /// Only these documents (all when empty), by id.
    public var documents: [String]
    /// The round whose codings count for the initiations.
    public var round: RoundChoice
    /// Whether speakers appear as `P01`, `P02`, … instead of their transcript labels.
    public var pseudonymize: Bool

    /// Creates options with the documented defaults.
    public init(by: String = "group", documents: [String] = [], round: RoundChoice = .latest, pseudonymize: Bool = false) {
        self.by = by
        self.documents = documents
        self.round = round
        self.pseudonymize = pseudonymize
    }
}
