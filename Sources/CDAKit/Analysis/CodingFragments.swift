/// The distinct fragments of a corpus's codings, numbered in document order, and the number of
/// each coding's fragment: what lets an analysis group a million codings by fragment without
/// hashing a fragment per coding.
struct CodingFragments: Sendable {
    /// The distinct fragments, in document order.
    let fragments: [Fragment]
    /// Each fragment's document ordinal in the corpus's utterances, or -1 when none of its
    /// document's utterances is loaded.
    let documents: [Int]
    /// For each coding, in `CodedCorpus.codings` order, the number of its fragment in `fragments`.
    let ofCoding: [Int32]

    /// Numbers fragments as codings are read.
    struct Builder {
        private var numbers: [Key: Int32] = [:]
        private var seen: [(key: Key, fragment: Fragment)] = []
        private var ofCoding: [Int32] = []
        private var last: (key: Key, number: Int32)?

        /// Ready for about `codings` codings.
        init(codings: Int) { ofCoding.reserveCapacity(codings) }

        /// Adds the next coding's fragment, in a document numbered `document` by the caller (one
        /// number per document id).
        mutating func add(_ fragment: Fragment, document: Int) {
            let key = Key(document: document, fragment: fragment)
            // Codings of one fragment are often stored one after another.
            if let last, last.key == key {
                ofCoding.append(last.number)
                return
            }
            let number = numbers[key] ?? Int32(seen.count)
            if number == seen.count {
                numbers[key] = number
                seen.append((key, fragment))
            }
            ofCoding.append(number)
            last = (key, number)
        }

        /// The numbering in document order.
        ///
        /// - Parameters:
        ///   - documentIDs: The caller's document numbers' ids.
        ///   - utterances: The loaded utterances, for each fragment's document ordinal.
        /// - Complexity: O(*c* + *f* log *f*) for *c* codings and *f* distinct fragments.
        func finish(documentIDs: [String], utterances: CodedCorpus.Utterances) -> CodingFragments {
            var rank = [Int](repeating: 0, count: documentIDs.count)
            for (position, document) in documentIDs.indices.sorted(by: { documentIDs[$0] < documentIDs[$1] }).enumerated() {
                rank[document] = position
            }
            let order = seen.indices.sorted { Self.precedes(seen[$0].key, seen[$1].key, rank: rank) }
            var renumbered = [Int32](repeating: 0, count: seen.count)
            for (position, number) in order.enumerated() { renumbered[number] = Int32(position) }
            let loaded = documentIDs.map { utterances.document($0) ?? -1 }
            return CodingFragments(
                fragments: order.map { seen[$0].fragment }, documents: order.map { loaded[seen[$0].key.document] },
                ofCoding: ofCoding.map { renumbered[Int($0)] })
        }

        /// `Fragment`'s document order, made total: a missing start offset sorts before a zero one.
        private static func precedes(_ a: Key, _ b: Key, rank: [Int]) -> Bool {
            (rank[a.document], a.startUtterance, a.startOffset ?? 0, a.endUtterance, a.endOffset ?? Int.max, a.startOffset == nil ? 0 : 1)
                < (
                    rank[b.document], b.startUtterance, b.startOffset ?? 0, b.endUtterance, b.endOffset ?? Int.max,
                    b.startOffset == nil ? 0 : 1
                )
        }
    }

    /// A fragment with its document as a number: hashed without strings.
    private struct Key: Hashable {
        var document: Int
        var startUtterance: Int
        var startOffset: Int?
        var endUtterance: Int
        var endOffset: Int?

        init(document: Int, fragment: Fragment) {
            self.document = document
            startUtterance = fragment.startUtterance
            startOffset = fragment.startOffset
            endUtterance = fragment.endUtterance
            endOffset = fragment.endOffset
        }
    }
}
