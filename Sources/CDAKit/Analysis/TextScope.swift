import Foundation

/// Which talk an instrument reads: filters shared by `kwic`, `keyness`, `collocates`,
/// `positioning` and `autocode`.
public struct TextScope: Sendable, Hashable {
    /// The attribute groups are compared by (document or speaker attribute; the speaker's own value wins).
    public var by: String
    /// Only this group: this value of `by`.
    public var group: String?
    /// Only this document.
    public var document: String?
    /// Only this speaker.
    public var speaker: String?
    /// Only text inside fragments coded with these codes (consolidated names; merged codes included).
    public var codes: [String]
    /// Only text inside fragments whose codes map to this theme.
    public var theme: String?
    /// Whether moderators' and observers' talk is read.
    public var includeModerators: Bool
    /// Whether words are compared without diacritics (`een` matches `één`).
    public var foldDiacritics: Bool

    /// Creates a scope; by default all participants' talk, case-folded.
    public init(
        by: String = "group", group: String? = nil, document: String? = nil, speaker: String? = nil, codes: [String] = [],
        theme: String? = nil,
        includeModerators: Bool = false, foldDiacritics: Bool = false
    ) {
        self.by = by
        self.group = group
        self.document = document
        self.speaker = speaker
        self.codes = codes
        self.theme = theme
        self.includeModerators = includeModerators
        self.foldDiacritics = foldDiacritics
    }

    /// Whether a fragment restriction applies.
    var restrictsToFragments: Bool { !codes.isEmpty || theme != nil }

    /// The form words are compared in: lowercased, and without diacritics when folding.
    public func normalize(_ word: some StringProtocol) -> String {
        let lower = word.lowercased()
        return foldDiacritics ? lower.folding(options: .diacriticInsensitive, locale: nil) : lower
    }
}

/// One word of an utterance in scope: its span and compared form.
public struct ScopedToken: Sendable, Hashable {
    /// Where the word is (Unicode scalar offsets).
    public var span: Tokenizer.Span
    /// The word as compared (lowercased, maybe folded).
    public var form: String
    /// The compared form's id in the scan's `ScopeWords`: equal ids, equal forms.
    public var word: Int32

    /// Creates a token.
    public init(span: Tokenizer.Span, form: String, word: Int32) {
        self.span = span
        self.form = form
        self.word = word
    }
}

/// An utterance in scope with its words.
public struct ScopedUtterance: Sendable {
    /// The utterance.
    public var record: UtteranceRecord
    /// Its words in scope (all, or only those inside the restricting fragments).
    public var tokens: [ScopedToken]
    /// All its words, for context and phrase matching.
    public var allTokens: [ScopedToken]
    /// The utterance text as Unicode scalars, for slicing contexts (made on each call).
    public var scalars: [Unicode.Scalar] { Array(record.text.unicodeScalars) }

    /// Creates an utterance in scope.
    public init(record: UtteranceRecord, tokens: [ScopedToken], allTokens: [ScopedToken]) {
        self.record = record
        self.tokens = tokens
        self.allTokens = allTokens
    }
}
