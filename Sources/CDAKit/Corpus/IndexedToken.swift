/// One word of an utterance in the token index: its vocabulary id and where it stands.
public struct IndexedToken: Sendable, Hashable {
    /// The id of the word's lowercase form in the project's vocabulary.
    public var word: Int32
    /// The offset of the word's first Unicode scalar in the utterance.
    public var start: Int32
    /// The word's length in Unicode scalars.
    public var length: Int32

    /// Creates a token.
    public init(word: Int32, start: Int32, length: Int32) {
        self.word = word
        self.start = start
        self.length = length
    }

    /// The offset just past the word's last scalar.
    public var end: Int { Int(start) + Int(length) }

    /// The word's span.
    public var span: Tokenizer.Span { Tokenizer.Span(start: Int(start), end: end) }
}
