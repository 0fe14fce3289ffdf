import Foundation

/// Everything a REFI-QDA export needs from a project, read in one transaction.
public struct ExchangeSnapshot: Sendable {
    /// A memo as stored.
    public struct Memo: Sendable, Hashable {
        /// `project`, `code`, `document`, `theme` or `theme-group`.
        public var kind: String
        /// The code id, document id or theme id (empty for the project).
        public var target: String
        /// The group of a theme × group memo (empty otherwise).
        public var group: String
        /// The memo.
        public var text: String
        /// Who wrote it last.
        public var author: String
        /// When (ISO 8601).
        public var updatedAt: String
    }

    /// A theme with the ids of the codes mapped to it.
    public struct Theme: Sendable, Hashable {
        /// The theme id.
        public var id: String
        /// The label.
        public var label: String
        /// The description.
        public var description: String
        /// The codes mapped to it.
        public var codeIDs: [Int64]
    }

    /// When the project was created (ISO 8601).
    public var createdAt: String?
    /// Documents in ingest order.
    public var documents: [Document]
    /// Utterances per document id, in order.
    public var utterances: [String: [Utterance]]
    /// Every speaker, with role and attributes.
    public var speakers: [Speaker]
    /// Every code, whatever its status.
    public var codes: [Code]
    /// The codings to export (of one round when asked), codes as stored.
    public var codings: [Coding]
    /// Themes in codebook order.
    public var themes: [Theme]
    /// Every memo.
    public var memos: [Memo]
    /// The rounds the exported codings come from.
    public var rounds: Set<Int>
    /// How many fragments are selected as exemplars (not part of REFI-QDA).
    public var selectedFragments: Int
    /// Whether research questions or sensitising terms exist (not part of REFI-QDA).
    public var hasTermsOrQuestions: Bool
    /// The GUIDs the project already gave its items, by kind and key.
    public var guids: [ExchangeGUIDKey: String]
    /// The time-span codings to export (of one round when asked), codes as stored.
    public var timeSpanCodings: [TimeSpanCoding] = []
}

/// Which item a stored GUID belongs to: a kind and the item's key in the project.
public struct ExchangeGUIDKey: Sendable, Hashable {
    /// The kinds of item a GUID is kept for; the raw values are the project file's.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A code, keyed by its id.
        case code
        /// A document, by id.
        case document
        /// A speaker (a REFI-QDA case), by id.
        case speaker
        /// A coder (a REFI-QDA user), by name.
        case user
        /// A theme (a REFI-QDA set), by id.
        case theme
        /// An attribute (a REFI-QDA variable), by name.
        case variable
        /// A selection, by its fragment.
        case selection
        /// A coding, by fragment, code and coder.
        case coding
        /// A memo (a REFI-QDA note).
        case note
        /// The project itself.
        case project
    }

    /// The kind of item.
    public var kind: Kind
    /// The item's key: a code id, document id, speaker id, coder name, fragment, …
    public var key: String

    /// Creates a key.
    public init(_ kind: Kind, _ key: String) {
        self.kind = kind
        self.key = key
    }
}

/// Hands out GUIDs: the stored one for an item, else a new one that is recorded so the project
/// can keep it and later exports reuse it.
public struct GUIDRegistry: Sendable {
    private var known: [ExchangeGUIDKey: String]
    private var used: Set<String>
    /// GUIDs made during this export, to store in the project.
    public private(set) var created: [ExchangeGUIDKey: String] = [:]

    /// Creates a registry over the GUIDs a project has.
    public init(known: [ExchangeGUIDKey: String]) {
        self.known = known
        self.used = Set(known.values)
    }

    /// The GUID of an item, made once.
    public mutating func guid(_ kind: ExchangeGUIDKey.Kind, _ key: String) -> String {
        let itemKey = ExchangeGUIDKey(kind, key)
        if let guid = known[itemKey] { return guid }
        var guid = REFIGUID.make()
        while used.contains(guid) { guid = REFIGUID.make() }
        known[itemKey] = guid
        used.insert(guid)
        created[itemKey] = guid
        return guid
    }
}
