/// Choices for a co-occurrence table (`cda cooccurrence`, `cda report --cooccurrence`).
public struct CoOccurrenceOptions: Sendable, Hashable {
    /// Codes or themes.
    public var items: CoOccurrence.ItemKind
    /// Only these codes, by name (all active codes with codings in the round when empty); codes only.
    public var codes: [String]
    /// What two items must share.
    public var unit: CoOccurrence.Unit
    /// Which round's codings.
    public var round: RoundChoice
    /// Whether moderators' and observers' talk counts.
    public var includeModerators: Bool

    /// Creates options: all codes, overlapping fragments, the latest round, moderators left out.
    public init(
        items: CoOccurrence.ItemKind = .codes, codes: [String] = [], unit: CoOccurrence.Unit = .fragment, round: RoundChoice = .latest,
        includeModerators: Bool = false
    ) {
        self.items = items
        self.codes = codes
        self.unit = unit
        self.round = round
        self.includeModerators = includeModerators
    }
}
