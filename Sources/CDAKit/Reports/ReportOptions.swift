/// Choices for `cda report`.
public struct ReportOptions: Sendable, Hashable {
    /// Which round's codings to use.
    public typealias RoundChoice = CDAKit.RoundChoice

    /// The attribute to compare by.
    public var by: String
    /// Which round.
    public var round: RoundChoice
    /// Only these themes (all when empty).
    public var themes: [String]
    /// Whether quotes appear.
    public var quotes: Bool
    /// The most words per quote.
    public var maxQuoteWords: Int
    /// The most quotes per theme and group.
    public var maxQuotes: Int
    /// Whether moderators' talk counts.
    public var includeModerators: Bool
    /// Whether speakers appear as `P01`, `P02`, … instead of their transcript labels.
    public var pseudonymize: Bool
    /// The project's name for the report header.
    public var projectName: String
    /// Whether the report gains the keywords per group and the positioning table.
    public var instruments: Bool = false
    /// Whether the report gains the conversation dynamics (floor, participation, transitions, initiations).
    public var dynamics: Bool = false
    /// The code matrix the report gains, if any (`--matrix`): its rows, columns and speaker names;
    /// the attribute, round and moderator choice are the report's.
    public var matrix: CodeMatrixOptions?
    /// Which themes occur together on overlapping fragments, if asked for (`--cooccurrence`).
    public var cooccurrence: Bool = false

    /// Creates options with the documented defaults.
    public init(
        by: String = "group", round: RoundChoice = .latest, themes: [String] = [], quotes: Bool = false, maxQuoteWords: Int = 40,
        maxQuotes: Int = 5, includeModerators: Bool = false, pseudonymize: Bool = false, projectName: String = "project"
    ) {
        self.by = by
        self.round = round
        self.themes = themes
        self.quotes = quotes
        self.maxQuoteWords = maxQuoteWords
        self.maxQuotes = maxQuotes
        self.includeModerators = includeModerators
        self.pseudonymize = pseudonymize
        self.projectName = projectName
    }
}
