internal import GRDB

/// Checks fragments against the corpus and normalises them, caching utterance lengths per document.
final class FragmentValidator {
    private var lengths: [String: [Int]] = [:]
    private var knownDocuments: [String]?

    /// The fragment with offsets checked, and dropped when they cover whole utterances.
    ///
    /// - Throws: `CorpusError.unknownDocument`, `.utteranceOutOfRange`, `CodingError.offsetOutOfRange`,
    ///   `.emptyFragment` or `.halfOpenOffsets`.
    func normalize(_ fragment: Fragment, _ db: Database) throws -> Fragment {
        let lengths = try utteranceLengths(fragment.documentID, db)
        for index in [fragment.startUtterance, fragment.endUtterance] where index < 1 || index > lengths.count {
            throw CorpusError.utteranceOutOfRange(document: fragment.documentID, index: index, count: lengths.count)
        }
        guard fragment.endUtterance >= fragment.startUtterance else { throw CodingError.emptyFragment(fragment.description) }
        if (fragment.startOffset == nil) != (fragment.endOffset == nil) { throw CodingError.halfOpenOffsets }
        var result = fragment
        guard let start = fragment.startOffset, let end = fragment.endOffset else { return result }
        let startLength = lengths[fragment.startUtterance - 1]
        let endLength = lengths[fragment.endUtterance - 1]
        if start < 0 || start > startLength {
            throw CodingError.offsetOutOfRange(
                document: fragment.documentID, utterance: fragment.startUtterance, offset: start, length: startLength)
        }
        if end < 0 || end > endLength {
            throw CodingError.offsetOutOfRange(
                document: fragment.documentID, utterance: fragment.endUtterance, offset: end, length: endLength)
        }
        if fragment.startUtterance == fragment.endUtterance, start >= end { throw CodingError.emptyFragment(fragment.description) }
        if start == 0 && end == endLength {
            result.startOffset = nil
            result.endOffset = nil
        }
        return result
    }

    /// The lengths (in scalars) of a document's utterances, in order.
    func utteranceLengths(_ documentID: String, _ db: Database) throws -> [Int] {
        if let cached = lengths[documentID] { return cached }
        let found = try Int.fetchAll(db, sql: "SELECT length FROM utterance WHERE documentId = ? ORDER BY idx", arguments: [documentID])
        guard !found.isEmpty else {
            if knownDocuments == nil { knownDocuments = try String.fetchAll(db, sql: "SELECT id FROM document") }
            throw CorpusError.unknownDocument(documentID, suggestion: NameSuggester.closest(to: documentID, among: knownDocuments ?? []))
        }
        lengths[documentID] = found
        return found
    }
}
