/// Where a text occurs in one document (`ProjectStore.find(_:inDocument:limit:)`).
public struct TranscriptMatches: Sendable, Hashable, Codable {
    /// One occurrence: inside one utterance, in Unicode scalar offsets, zero-based, end-exclusive.
    public struct Match: Sendable, Hashable, Codable {
        /// The 1-based utterance.
        public var utterance: Int
        /// Where the occurrence starts.
        public var start: Int
        /// Where it ends.
        public var end: Int
    }

    /// The document.
    public var document: String
    /// The text searched for, as given.
    public var query: String
    /// Whether diacritics were ignored.
    public var foldDiacritics: Bool
    /// Occurrences in the whole document.
    public var total: Int
    /// The first occurrences, in document order, at most the limit asked for.
    public var matches: [Match]
}
