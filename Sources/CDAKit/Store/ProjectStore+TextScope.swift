import Foundation
internal import GRDB

extension ProjectStore {
    /// Calls `body` with every utterance in scope and its words, streaming, in document order.
    ///
    /// The words come from the token index: nothing is re-tokenised, and the text is read only when
    /// `readText` is set (otherwise `record.text` is empty).
    ///
    /// - Parameters:
    ///   - keys: Only these utterances, when given.
    ///   - readText: Whether the utterances' text is needed (for contexts and quotes).
    ///   - words: Called once, before the first utterance, with the vocabulary the tokens' `word` ids refer to.
    /// - Throws: `CodingError.unknownCode` or `.unknownTheme` for a restriction the project lacks,
    ///   `AnalysisError.unknownGroup` or `.unknownAttribute` for a group that does not exist.
    public func forEachUtterance(
        in scope: TextScope, only keys: Set<CodedCorpus.UtteranceKey>? = nil, readText: Bool = true,
        words: (ScopeWords) throws -> Void = { _ in }, _ body: (ScopedUtterance) throws -> Void
    ) throws {
        if let group = scope.group { try checkGroups([group], by: scope.by) }
        let allowed = try scope.restrictsToFragments ? allowedRanges(for: scope) : nil
        try read { db in
            let vocabulary = try ScopeWords(db, folding: scope.foldDiacritics)
            try words(vocabulary)
            let groups = try Self.utteranceGroups(db, attribute: scope.by)
            let moderators = try Self.moderatorIDs(db)
            try Self.forEachIndexedUtterance(document: scope.document, only: keys, readText: readText, db) { row, indexed in
                let speaker = row.speaker
                let isModerator = speaker.map(moderators.contains) ?? false
                if !scope.includeModerators && isModerator { return }
                let group = groups.group(document: row.document, speaker: speaker)
                if let wanted = scope.group, group != wanted { return }
                if let wanted = scope.speaker, speaker != wanted { return }
                var ranges: [Range<Int>]?
                if let allowed {
                    guard let found = allowed[CodedCorpus.UtteranceKey(document: row.document, index: row.index)] else { return }
                    ranges = found
                }
                var all: [ScopedToken] = []
                all.reserveCapacity(indexed.count)
                for token in indexed {
                    guard let word = vocabulary.compared(token.word) else { throw VocabularyCache.damaged(db) }
                    all.append(ScopedToken(span: token.span, form: vocabulary.forms[Int(word)], word: word))
                }
                let inScope =
                    ranges.map { ranges in all.filter { token in ranges.contains { $0.overlaps(token.span.start..<token.span.end) } } }
                    ?? all
                let record = UtteranceRecord(
                    document: row.document, index: row.index, speaker: speaker, isModerator: isModerator, group: group, text: row.text)
                try body(ScopedUtterance(record: record, tokens: inScope, allTokens: all))
            }
        }
    }

    /// An utterance row as the scan reads it.
    struct IndexedRow {
        var document: String
        var index: Int
        var speaker: String?
        var text: String
    }

    /// Calls `body` with each utterance (of one document, or of all in document order; only `keys`
    /// when given) and its tokens from the token index.
    ///
    /// - Throws: `StoreError` naming `cda index --rebuild` for a document whose index row is
    ///   missing or does not hold one entry per utterance.
    static func forEachIndexedUtterance(
        document: String?, only keys: Set<CodedCorpus.UtteranceKey>?, readText: Bool, _ db: Database,
        _ body: (IndexedRow, [IndexedToken]) throws -> Void
    ) throws {
        let filter = document == nil ? "" : "WHERE d.id = ?"
        // Blobs are read one document at a time, so memory holds one document's index, not all.
        let documents = try Row.fetchAll(
            db, sql: "SELECT d.id, d.utteranceCount FROM document d \(filter) ORDER BY d.position", arguments: document.map { [$0] } ?? [])
        let blobs = try db.cachedStatement(sql: "SELECT tokens FROM tokenIndex WHERE documentId = ?")
        let text = readText ? "text" : "''"
        let all = try db.cachedStatement(sql: "SELECT idx, speakerId, \(text) FROM utterance WHERE documentId = ? ORDER BY idx")
        // The wanted utterances of a document come from one statement (SQLite seeks each index in
        // turn), not one statement per utterance.
        let some = try db.cachedStatement(
            sql: """
                SELECT idx, speakerId, \(text) FROM utterance
                WHERE documentId = ? AND idx IN (SELECT value FROM json_each(?)) ORDER BY idx
                """)
        var wanted: [String: [Int]] = [:]
        for key in keys ?? [] { wanted[key.document, default: []].append(key.index) }
        var tokens: [IndexedToken] = []
        for entry in documents {
            let id: String = entry[0]
            var indexes: [Int]?
            if keys != nil {
                guard let found = wanted[id] else { continue }
                indexes = found
            }
            let damaged = StoreError.database(
                path: db.description, message: "document '\(id)' is missing from the token index; run 'cda index --rebuild'")
            guard let blob = try Data.fetchOne(blobs, arguments: [id]), let stored = try? TokenBlob.Document(Array(blob)),
                stored.count == entry[1] as Int
            else { throw damaged }
            let cursor =
                try indexes.map { try Row.fetchCursor(some, arguments: [id, "[" + $0.map(String.init).joined(separator: ",") + "]"]) }
                ?? Row.fetchCursor(all, arguments: [id])
            while let row = try cursor.next() {
                let index: Int = row[0]
                guard index >= 1, index <= stored.count, (try? stored.tokens(ofUtterance: index - 1, into: &tokens)) != nil else {
                    throw damaged
                }
                try body(IndexedRow(document: id, index: index, speaker: row[1], text: row[2]), tokens)
            }
        }
    }

    /// The words of a text with their lowercase forms, by the project tokenizer's rules (see
    /// `Tokenizer.forEachLowercaseWord`); `word` is 0.
    static func lowercaseTokens(_ text: String) -> [ScopedToken] {
        var tokens: [ScopedToken] = []
        Tokenizer.forEachLowercaseWord(in: text) { span, form in
            tokens.append(ScopedToken(span: span, form: String(decoding: form, as: UTF8.self), word: 0))
        }
        return tokens
    }

    /// Per utterance, the ranges covered by fragments with the scope's codes or theme (any round).
    private func allowedRanges(for scope: TextScope) throws -> [CodedCorpus.UtteranceKey: [Range<Int>]] {
        let corpus = try codedCorpus(includeModerators: true)
        var wanted: Set<Int64> = []
        for name in scope.codes {
            guard
                let code = corpus.codes.values.first(where: { $0.name == name && $0.status == .active })
                    ?? corpus.codes.values.first(where: { $0.name == name })
            else {
                throw CodingError.unknownCode(
                    name,
                    suggestion: NameSuggester.closest(to: name, among: corpus.codes.values.filter { $0.status == .active }.map(\.name)))
            }
            wanted.insert(code.id)
        }
        if let theme = scope.theme {
            guard corpus.themes.contains(where: { $0.id == theme }) else {
                throw CodingError.unknownTheme(theme, suggestion: NameSuggester.closest(to: theme, among: corpus.themes.map(\.id)))
            }
            wanted.formUnion(corpus.codeThemes.filter { $0.value.contains(theme) }.keys)
        }
        var result: [CodedCorpus.UtteranceKey: [Range<Int>]] = [:]
        for span in corpus.codings where wanted.contains(span.codeID) {
            for index in span.fragment.startUtterance...span.fragment.endUtterance {
                let key = CodedCorpus.UtteranceKey(document: span.fragment.documentID, index: index)
                guard let info = corpus.utterances[key], let range = span.fragment.coveredRange(inUtterance: index, length: info.length)
                else { continue }
                result[key, default: []].append(range)
            }
        }
        return result
    }
}
