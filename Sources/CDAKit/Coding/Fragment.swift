/// A span of talk that a coding points at.
///
/// A fragment lies inside one utterance or runs over consecutive utterances of one document.
/// `startOffset` is inside `startUtterance` and `endOffset` inside `endUtterance`, both Unicode
/// scalar offsets (zero-based, end-exclusive). Without offsets the fragment covers the whole
/// utterances. Fragments are normalised on storage: offsets that cover whole utterances are dropped.
public struct Fragment: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The document id.
    public var documentID: String
    /// The first utterance (1-based).
    public var startUtterance: Int
    /// Where the fragment starts inside the first utterance, or `nil` for its beginning.
    public var startOffset: Int?
    /// The last utterance (1-based).
    public var endUtterance: Int
    /// Where the fragment ends inside the last utterance (exclusive), or `nil` for its end.
    public var endOffset: Int?

    /// Creates a fragment.
    public init(documentID: String, startUtterance: Int, startOffset: Int? = nil, endUtterance: Int? = nil, endOffset: Int? = nil) {
        self.documentID = documentID
        self.startUtterance = startUtterance
        self.startOffset = startOffset
        self.endUtterance = endUtterance ?? startUtterance
        self.endOffset = endOffset
    }

    /// Whether the fragment covers whole utterances.
    public var isWholeUtterances: Bool { startOffset == nil && endOffset == nil }

    /// The utterance column of a coding sheet: `N` or `N-M`.
    public var utteranceLabel: String {
        startUtterance == endUtterance ? "\(startUtterance)" : "\(startUtterance)-\(endUtterance)"
    }

    /// `doc:N`, `doc:N-M`, with `[start,end)` when offsets are set.
    public var description: String {
        let offsets = isWholeUtterances ? "" : "[\(startOffset ?? 0),\(endOffset.map(String.init) ?? "end"))"
        return "\(documentID):\(utteranceLabel)\(offsets)"
    }

    /// The offsets this fragment covers inside utterance `index`, as a half-open scalar range,
    /// given the utterance's length; `nil` when the utterance is outside the fragment.
    public func coveredRange(inUtterance index: Int, length: Int) -> Range<Int>? {
        guard index >= startUtterance, index <= endUtterance else { return nil }
        let lower = index == startUtterance ? min(startOffset ?? 0, length) : 0
        let upper = index == endUtterance ? min(endOffset ?? length, length) : length
        return lower < upper ? lower..<upper : nil
    }

    /// Document order: by document id, start, then end.
    public static func < (a: Fragment, b: Fragment) -> Bool {
        (a.documentID, a.startUtterance, a.startOffset ?? 0, a.endUtterance, a.endOffset ?? Int.max)
            < (b.documentID, b.startUtterance, b.startOffset ?? 0, b.endUtterance, b.endOffset ?? Int.max)
    }
}
