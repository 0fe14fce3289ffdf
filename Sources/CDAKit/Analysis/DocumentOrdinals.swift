/// Numbers document ids 0, 1, 2, … in the order first seen, so that per-document data can live in
/// arrays; the last id asked for is checked before hashing, since rows come document by document.
struct DocumentOrdinals: Sendable {
    /// The ids by ordinal.
    private(set) var ids: [String] = []
    private var ordinals: [String: Int] = [:]
    private var last: (document: String, ordinal: Int)?

    /// The ordinal of `document`, numbering it when it is new.
    mutating func ordinal(of document: String) -> (ordinal: Int, isNew: Bool) {
        if let last, last.document == document { return (last.ordinal, false) }
        let ordinal = ordinals[document] ?? ids.count
        let isNew = ordinal == ids.count
        if isNew {
            ordinals[document] = ordinal
            ids.append(document)
        }
        last = (document, ordinal)
        return (ordinal, isNew)
    }

    /// The ordinal of `document`, if it has one.
    func existing(_ document: String) -> Int? { ordinals[document] }
}
