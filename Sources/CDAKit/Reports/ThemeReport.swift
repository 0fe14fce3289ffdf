/// The per-group theme report: one computed model that every format renders.
///
/// JSON keys are a contract (see README); numbers are unrounded here and rounded only by renderers.
public struct ThemeReport: Sendable, Codable, Hashable {
    /// One group's totals.
    public struct Group: Sendable, Codable, Hashable {
        /// The group's name (the value of the `by` attribute).
        public var name: String
        /// Documents with talk of this group.
        public var documents: Int
        /// Participants who spoke at least once.
        public var participants: Int
        /// Utterances (of counted speakers).
        public var utterances: Int
        /// Words (of counted speakers).
        public var words: Int
        /// Words covered by any fragment of the round.
        public var codedWords: Int
        /// Seconds of recording covered by the round's time-span codings (their union per document).
        public var codedSeconds: Double = 0

        /// The share of the group's words that lie in coded fragments (0 for a group without words).
        public var codedShare: Double { words == 0 ? 0 : Double(codedWords) / Double(words) }

        /// Creates a group's totals.
        public init(
            name: String, documents: Int, participants: Int, utterances: Int, words: Int, codedWords: Int, codedSeconds: Double = 0
        ) {
            self.name = name
            self.documents = documents
            self.participants = participants
            self.utterances = utterances
            self.words = words
            self.codedWords = codedWords
            self.codedSeconds = codedSeconds
        }

        /// Reads a group; reports written before time-span codings have no `coded_seconds` (0).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                name: try container.decode(String.self, forKey: .name), documents: try container.decode(Int.self, forKey: .documents),
                participants: try container.decode(Int.self, forKey: .participants),
                utterances: try container.decode(Int.self, forKey: .utterances), words: try container.decode(Int.self, forKey: .words),
                codedWords: try container.decode(Int.self, forKey: .codedWords),
                codedSeconds: try container.decodeIfPresent(Double.self, forKey: .codedSeconds) ?? 0)
        }

        enum CodingKeys: String, CodingKey {
            case name, documents, participants, utterances, words
            case codedWords = "coded_words"
            case codedSeconds = "coded_seconds"
        }
    }

    /// A code and how many of the theme × group fragments carry it.
    public struct CodeCount: Sendable, Codable, Hashable {
        /// The consolidated code.
        public var code: String
        /// Distinct fragments.
        public var fragments: Int

        /// Creates a count.
        public init(code: String, fragments: Int) {
            self.code = code
            self.fragments = fragments
        }
    }

    /// Another theme coded on the same fragments.
    public struct CoTheme: Sendable, Codable, Hashable {
        /// The other theme's id.
        public var theme: String
        /// Fragments shared.
        public var fragments: Int

        /// Creates a co-theme count.
        public init(theme: String, fragments: Int) {
            self.theme = theme
            self.fragments = fragments
        }
    }

    /// A quote from a fragment (only with `--quotes`).
    public struct Quote: Sendable, Codable, Hashable {
        /// Where it is: `document:utterance`.
        public var location: String
        /// The speaker's pseudonym.
        public var speaker: String?
        /// The text, cut to the word limit (`…` marks a cut).
        public var text: String
        /// Whether the analyst selected the fragment for interpretation.
        public var selected: Bool
        /// The selection note, if any.
        public var note: String?
    }

    /// The figures of one theme for one group.
    public struct Cell: Sendable, Codable, Hashable {
        /// Distinct fragments of the theme in the group's talk.
        public var fragments: Int
        /// Distinct words covered by their union.
        public var words: Int
        /// Seconds of recording covered by the union of the theme's time-span fragments (per document).
        public var seconds: Double
        /// `words` / all counted words of the group.
        public var shareOfWords: Double
        /// Distinct participants who spoke at least one such fragment.
        public var participants: Int
        /// `participants` / the group's participants.
        public var shareOfParticipants: Double
        /// Distinct documents.
        public var documents: Int
        /// The theme's codes with their fragment counts, most used first.
        public var codes: [CodeCount]
        /// Other themes on the same fragments.
        public var coThemes: [CoTheme]
        /// The analyst's theme × group memo.
        public var summary: String?
        /// Quotes, only when asked for: selected fragments first.
        public var quotes: [Quote]?

        enum CodingKeys: String, CodingKey {
            case fragments, words, seconds, participants, documents, codes, summary, quotes
            case shareOfWords = "share_of_words"
            case shareOfParticipants = "share_of_participants"
            case coThemes = "co_themes"
        }
    }

    /// How the groups compare on one theme.
    public struct Comparison: Sendable, Codable, Hashable {
        /// The test used to compare the groups.
        public enum Method: String, Sendable, Codable, Hashable {
            /// Dunning's G² on the 2×2 table of two groups' theme and other words.
            case logLikelihood2x2 = "log-likelihood-2x2"
            /// Dunning's G² over three or more groups.
            case logLikelihood = "log-likelihood"
        }

        /// `log-likelihood-2x2` for two groups, `log-likelihood` for more.
        public var method: Method
        /// The groups compared, in order.
        public var groups: [String]
        /// The theme's words per group (the observed counts used).
        public var themeWords: [Int]
        /// All words per group (the totals used).
        public var totalWords: [Int]
        /// Dunning's G².
        public var logLikelihood: Double
        /// Hardie's Log Ratio of the first group against the second (two groups only).
        public var logRatio: Double?
        /// The group with the highest share of words on the theme, if any raised it.
        public var raisedMoreBy: String?

        enum CodingKeys: String, CodingKey {
            case method, groups
            case themeWords = "theme_words"
            case totalWords = "total_words"
            case logLikelihood = "log_likelihood"
            case logRatio = "log_ratio"
            case raisedMoreBy = "raised_more_by"
        }
    }

    /// One theme with its per-group cells.
    public struct Theme: Sendable, Codable, Hashable {
        /// The theme id.
        public var id: String
        /// The label.
        public var label: String
        /// The description.
        public var description: String
        /// Cells by group name.
        public var groups: [String: Cell]
        /// The comparison between groups, when there are two or more.
        public var comparison: Comparison?
    }

    /// Something not said, or someone not speaking.
    public struct Silence: Sendable, Codable, Hashable {
        /// What is silent.
        public enum Kind: String, Sendable, Codable, Hashable, Comparable {
            /// No group raised the theme.
            case themeNotRaised = "theme-not-raised"
            /// One group did not raise a theme others raised.
            case themeNotRaisedByGroup = "theme-not-raised-by-group"
            /// A group never used some of the theme's terms.
            case termsNeverUsed = "terms-never-used"
            /// Participants of a group never spoke on the theme.
            case participantsSilentOnTheme = "participants-silent-on-theme"

            /// Ordered by the raw value, as reports list them.
            public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
        }

        /// `theme-not-raised`, `theme-not-raised-by-group`, `terms-never-used` or `participants-silent-on-theme`.
        public var kind: Kind
        /// The theme.
        public var theme: String
        /// The group, where it applies.
        public var group: String?
        /// Terms never used, for `terms-never-used`.
        public var terms: [String]?
        /// Participants silent on the theme, for `participants-silent-on-theme` (a count, never names).
        public var count: Int?
        /// The group's participants, for `participants-silent-on-theme`.
        public var of: Int?

        /// Creates a silence.
        public init(kind: Kind, theme: String, group: String? = nil, terms: [String]? = nil, count: Int? = nil, of: Int? = nil) {
            self.kind = kind
            self.theme = theme
            self.group = group
            self.terms = terms
            self.count = count
            self.of = of
        }
    }

    /// `cda` and its version.
    public var generatedBy: String
    /// The project's name.
    public var project: String
    /// The round the figures use (1 or 2).
    public var round: Int
    /// The attribute groups are compared by.
    public var by: String
    /// Whether moderators' talk was counted.
    public var includesModerators: Bool
    /// Whether participant text appears, and how much.
    public var privacy: ReportPrivacy
    /// The groups, in name order.
    public var groups: [Group]
    /// The themes, in codebook order.
    public var themes: [Theme]
    /// What is not said, and who does not speak.
    public var silences: [Silence]
    /// How every figure is defined.
    public var definitions: [String: String]
    /// The discourse instruments, when asked for (`--instruments`).
    public var instruments: Instruments?
    /// The conversation dynamics, when asked for (`--dynamics`).
    public var dynamics: ConversationDynamics?
    /// The code matrix, when asked for (`--matrix`).
    public var matrix: CodeMatrix?
    /// Which themes occur together, when asked for (`--cooccurrence`).
    public var cooccurrence: CoOccurrence?
    /// Each code's colour (`#rrggbb`) by its name, as the analyst chose it (`cda codes color`) or
    /// the palette gave it; the HTML report marks codes with it. Not part of `report.json`.
    public var codeColors: [String: String] = [:]

    /// Keywords per group and the us/them positioning table.
    public struct Instruments: Sendable, Codable, Hashable {
        /// Per group: its top keywords against all other talk (stop words left out).
        public var keywords: [String: [KeywordEntry]]
        /// Positioning per group and theme.
        public var positioning: [PositioningRow]
    }

    /// Whether any group has coded seconds: reports show seconds beside words only then.
    public var hasTimeSpans: Bool { groups.contains { $0.codedSeconds > 0 } }

    enum CodingKeys: String, CodingKey {
        case project, round, by, privacy, groups, themes, silences, definitions, instruments, dynamics, matrix, cooccurrence
        case generatedBy = "generated_by"
        case includesModerators = "includes_moderators"
    }
}

extension ThemeReport.Cell {
    /// Reads a cell; reports written before time-span codings have no `seconds` (0).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fragments = try container.decode(Int.self, forKey: .fragments)
        words = try container.decode(Int.self, forKey: .words)
        seconds = try container.decodeIfPresent(Double.self, forKey: .seconds) ?? 0
        shareOfWords = try container.decode(Double.self, forKey: .shareOfWords)
        participants = try container.decode(Int.self, forKey: .participants)
        shareOfParticipants = try container.decode(Double.self, forKey: .shareOfParticipants)
        documents = try container.decode(Int.self, forKey: .documents)
        codes = try container.decode([ThemeReport.CodeCount].self, forKey: .codes)
        coThemes = try container.decode([ThemeReport.CoTheme].self, forKey: .coThemes)
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        quotes = try container.decodeIfPresent([ThemeReport.Quote].self, forKey: .quotes)
    }
}
