internal import GRDB

/// Every coding of a project as the coded corpus holds it, with the utterances they touch and
/// their fragments numbered.
struct LoadedCodings: Sendable {
    /// The codings, their codes resolved through merges.
    var codings: [CodedCorpus.CodedSpan] = []
    /// The utterances the codings touch.
    var touched = TouchedUtterances()
    /// Their fragments, numbered.
    var numbering: CodingFragments.Builder
}

extension ProjectStore {
    /// Reads every coding, with codes resolved through merges (a code merged into one that was
    /// merged in turn ends at the last).
    ///
    /// The rows are read straight from SQLite (`RawRows`: through GRDB's rows a million codings
    /// took seconds) on this thread, while another thread resolves, marks and numbers them.
    ///
    /// - Parameter codes: Every code by id.
    /// - Complexity: O(*c* + *u*) for *c* codings and the *u* utterances they span.
    static func loadCodings(_ db: Database, codes: [Int64: Code]) throws -> LoadedCodings {
        let expected = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM coding") ?? 0
        let rows = try RawRows(
            db, sql: "SELECT codeId, documentId, startUtterance, startOffset, endUtterance, endOffset, round, coder FROM coding")
        let batchSize = 8192
        return try BatchHandoff.overlap(
            produce: { send in
                var batch: [CodedCorpus.CodedSpan] = []
                batch.reserveCapacity(batchSize)
                var (document, coder) = ("", "")
                while try rows.next() {
                    document = rows.text(1, reusing: document)
                    coder = rows.text(7, reusing: coder)
                    let fragment = Fragment(
                        documentID: document, startUtterance: rows.int(2), startOffset: rows.optionalInt(3), endUtterance: rows.int(4),
                        endOffset: rows.optionalInt(5))
                    batch.append(.init(fragment: fragment, codeID: Int64(rows.int(0)), round: rows.int(6), coder: coder))
                    if batch.count == batchSize {
                        send(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { send(batch) }
            },
            consume: { next in
                var loaded = LoadedCodings(numbering: CodingFragments.Builder(codings: expected))
                loaded.codings.reserveCapacity(expected)
                var resolver = MergeResolver(codes: codes)
                while let batch = next() {
                    for var coding in batch {
                        coding.codeID = resolver.resolve(coding.codeID)
                        loaded.numbering.add(coding.fragment, document: loaded.touched.mark(coding.fragment))
                        loaded.codings.append(coding)
                    }
                }
                return loaded
            })
    }
}
