/// One memo as the memo overview lists it: what it is on, in words and as ids, and who wrote it.
public struct MemoEntry: Sendable, Hashable, Codable {
    /// `project`, `code`, `document`, `theme`, `theme-group` or `coding`.
    public var kind: String
    /// The code's name, the document's or theme's id, the coding's id; empty for the project.
    public var target: String
    /// The group of a theme × group summary, else `nil`.
    public var group: String?
    /// What the memo is on, for people: "Code 'loket'", "Theme 'China…' / citizens".
    public var label: String
    /// For a coding memo: where the coding is (document and first utterance).
    public var document: String?
    public var utterance: Int?
    /// The memo.
    public var text: String
    /// Who wrote it last (`nil` for coding memos, which keep their coder instead).
    public var author: String?
    /// When it was written last or the coding was made (ISO 8601).
    public var updatedAt: String

    public init(
        kind: String, target: String, group: String? = nil, label: String, document: String? = nil, utterance: Int? = nil, text: String,
        author: String?, updatedAt: String
    ) {
        self.kind = kind
        self.target = target
        self.group = group
        self.label = label
        self.document = document
        self.utterance = utterance
        self.text = text
        self.author = author
        self.updatedAt = updatedAt
    }
}
