/// Which utterances of each document codings touch, and which of them a coverage count needs the
/// text of (the first and last utterance of a fragment that starts or ends inside one).
struct TouchedUtterances {
    /// What the analyses need of an utterance.
    enum Need: UInt8 {
        /// Nothing: no coding touches it.
        case none
        /// Its speaker, length and word count.
        case info
        /// Those and its text.
        case text
    }

    /// The number of utterances marked.
    private(set) var count = 0

    /// The documents marked, in the order first marked.
    var documentIDs: [String] { documents.ids }

    private var documents = DocumentOrdinals()
    private var needs: [[Need]] = []

    /// Marks the utterances `fragment` touches.
    ///
    /// - Returns: The number given to its document: its position in `documentIDs`.
    /// - Complexity: O(*u*) for the *u* utterances it spans.
    @discardableResult
    mutating func mark(_ fragment: Fragment) -> Int {
        let (ordinal, isNew) = documents.ordinal(of: fragment.documentID)
        if isNew { needs.append([]) }
        if needs[ordinal].count <= fragment.endUtterance {
            needs[ordinal] += repeatElement(.none, count: fragment.endUtterance + 1 - needs[ordinal].count)
        }
        for index in fragment.startUtterance...fragment.endUtterance where needs[ordinal][index] == .none {
            needs[ordinal][index] = .info
            count += 1
        }
        if !fragment.isWholeUtterances {
            needs[ordinal][fragment.startUtterance] = .text
            needs[ordinal][fragment.endUtterance] = .text
        }
        return ordinal
    }

    /// What is needed of each utterance of `document`, by index.
    func needs(ofDocument document: String) -> (Int) -> Need {
        guard let ordinal = documents.existing(document) else { return { _ in .none } }
        let marks = needs[ordinal]
        return { index in index >= 0 && index < marks.count ? marks[index] : .none }
    }
}
