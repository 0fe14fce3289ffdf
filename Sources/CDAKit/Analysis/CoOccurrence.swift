/// Which codes (or themes) occur together, counted over units of talk, with the Jaccard
/// coefficient of each pair. One computed model; tables and the heat map only print it.
///
/// JSON keys are a contract (see README).
public struct CoOccurrence: Sendable, Codable, Hashable {
    /// What is paired.
    public enum ItemKind: String, Sendable, Codable, Hashable, CaseIterable {
        /// Active codes.
        case codes
        /// The codebook's themes.
        case themes
    }

    /// What two items must share to occur together.
    public enum Unit: String, Sendable, Codable, Hashable, CaseIterable {
        /// Overlapping coded spans: spans that share a code point of one utterance are joined into one unit.
        case fragment
        /// One utterance: both items cover at least one of its code points.
        case utterance
    }

    /// A code or theme with the units it is on.
    public struct Item: Sendable, Codable, Hashable {
        /// The code's name or the theme's id.
        public var id: String
        /// The code's name or the theme's label.
        public var label: String
        /// Units carrying the item (for `fragment`: its own spans, overlapping ones joined).
        public var units: Int

        /// Creates an item.
        public init(id: String, label: String, units: Int) {
            self.id = id
            self.label = label
            self.units = units
        }
    }

    /// Two items and how often they occur together.
    public struct Pair: Sendable, Codable, Hashable {
        /// The first item's id (earlier in item order).
        public var first: String
        /// The second item's id.
        public var second: String
        /// Units carrying both: |A ∩ B|.
        public var together: Int
        /// Units carrying either: |A ∪ B|.
        public var either: Int

        /// The Jaccard coefficient |A ∩ B| / |A ∪ B|; 0 when neither item is on any unit.
        public var jaccard: Double { either == 0 ? 0 : Double(together) / Double(either) }

        /// Creates a pair.
        public init(first: String, second: String, together: Int, either: Int) {
            self.first = first
            self.second = second
            self.together = together
            self.either = either
        }

        enum CodingKeys: String, CodingKey {
            case first, second, together, either, jaccard
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                first: try container.decode(String.self, forKey: .first), second: try container.decode(String.self, forKey: .second),
                together: try container.decode(Int.self, forKey: .together), either: try container.decode(Int.self, forKey: .either))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(first, forKey: .first)
            try container.encode(second, forKey: .second)
            try container.encode(together, forKey: .together)
            try container.encode(either, forKey: .either)
            try container.encode(jaccard, forKey: .jaccard)
        }
    }

    /// The round the figures use.
    public var round: Int
    /// `codes` or `themes`.
    public var itemKind: ItemKind
    /// `fragment` or `utterance`.
    public var unit: Unit
    /// Whether moderators' and observers' talk was counted.
    public var includesModerators: Bool
    /// The items, codes by name or themes in codebook order.
    public var items: [Item]
    /// Every pair of items once, in item order (the first item's pairs first).
    public var pairs: [Pair]

    /// Creates a co-occurrence table.
    public init(round: Int, itemKind: ItemKind, unit: Unit, includesModerators: Bool, items: [Item], pairs: [Pair]) {
        self.round = round
        self.itemKind = itemKind
        self.unit = unit
        self.includesModerators = includesModerators
        self.items = items
        self.pairs = pairs
    }

    /// The pair of two items, in either order.
    public func pair(_ a: String, _ b: String) -> Pair? {
        pairs.first { ($0.first == a && $0.second == b) || ($0.first == b && $0.second == a) }
    }

    /// The pairs that occur together at least once, most often first (then by Jaccard, then by item order).
    public var occurringPairs: [Pair] {
        pairs.enumerated().filter { $0.element.together > 0 }.sorted {
            ($0.element.together, $0.element.jaccard, -$0.offset) > ($1.element.together, $1.element.jaccard, -$1.offset)
        }.map(\.element)
    }

    /// How the units and the coefficient are defined, for reports and README.
    public static let definitionText =
        "Only counted talk (moderators and observers left out unless included) of the round's codings on active codes. Unit utterance: an item is on an utterance when one of its codings covers at least one code point of it. Unit fragment: for each pair, the coded spans of both items are joined into units wherever two spans share at least one code point of an utterance (transitively, so A overlapping B overlapping A' is one unit); a span on both items is a unit with both. together = units with both items, either = units with at least one, Jaccard = together / either."

    enum CodingKeys: String, CodingKey {
        case round, unit, items, pairs
        case itemKind = "item_kind"
        case includesModerators = "includes_moderators"
    }
}
