/// One keyword-in-context line.
public struct ConcordanceLine: Sendable, Hashable, Codable {
    /// The document.
    public var document: String
    /// The utterance (1-based).
    public var utterance: Int
    /// Where the hit starts and ends in the utterance (Unicode scalar offsets).
    public var start: Int
    /// The end offset (exclusive).
    public var end: Int
    /// The speaker.
    public var speaker: String?
    /// The group.
    public var group: String?
    /// Text before the hit, at most `width` characters, inside the utterance.
    public var left: String
    /// The hit as written.
    public var keyword: String
    /// Text after the hit.
    public var right: String
    /// Codes (consolidated names) of codings that overlap the hit.
    public var codes: [String]
}

/// Keyword-in-context search.
public enum Concordance {
    /// How lines are ordered.
    public enum Sort: String, Sendable, CaseIterable {
        /// By the words just left of the hit, nearest first.
        case left
        /// By the words right of the hit.
        case right
        /// In document order.
        case position
    }

    /// Finds every occurrence of `pattern` in scope.
    ///
    /// Matching runs on the token index: the pattern's words become sets of word ids (wildcards
    /// expanded against the vocabulary once), the full-text index narrows rarer words to the
    /// utterances that hold them, and text is read only for the utterances of the lines returned.
    ///
    /// - Parameters:
    ///   - pattern: Words with optional `*` and `?`.
    ///   - scope: Which talk.
    ///   - width: Characters of context on each side.
    ///   - sort: The order of the lines.
    ///   - limit: The most lines (after sorting); all when `nil`.
    /// - Complexity: One pass over the words in scope (or in the candidate utterances), O(*n* · *k*)
    ///   for *n* words and a pattern of *k* words.
    public static func search(
        _ pattern: WordPattern, in store: ProjectStore, scope: TextScope, width: Int = 40, sort: Sort = .position, limit: Int? = nil
    ) throws -> [ConcordanceLine] {
        var hits: [Hit] = []
        // The index narrows the search for rarer words; for very common ones a scan is cheaper.
        let candidates = try store.searchCandidates(pattern.words)
        let stopAt = sort == .position ? limit : nil
        // Candidates are mostly hits, so their text comes with the scan; a full scan reads text
        // afterwards, only for the utterances with hits.
        let readText = candidates != nil
        var wanted: [Set<Int32>] = []
        do {
            try store.forEachUtterance(in: scope, only: candidates, readText: readText) { words in
                wanted = pattern.words.map { word in
                    Set(words.forms.indices.filter { WordPattern.glob(word, matches: words.forms[$0]) }.map(Int32.init))
                }
            } _: { utterance in
                let tokens = utterance.allTokens
                let count = wanted.count
                guard tokens.count >= count else { return }
                let restricted = utterance.tokens.count != tokens.count
                let inScope = restricted ? Set(utterance.tokens.map(\.span.start)) : []
                for start in 0...(tokens.count - count) where !restricted || inScope.contains(tokens[start].span.start) {
                    guard (0..<count).allSatisfy({ wanted[$0].contains(tokens[start + $0].word) }) else { continue }
                    hits.append(Hit(record: utterance.record, start: tokens[start].span.start, end: tokens[start + count - 1].span.end))
                    if let stopAt, hits.count >= stopAt { throw EnoughLines() }
                }
            }
        } catch is EnoughLines {}
        var lines = try withText(hits, width: width, texts: readText ? nil : store.utteranceTexts(Set(hits.map(\.key))))
        lines = try withCodes(lines, store: store)
        switch sort {
        case .position: break
        case .left: lines.sort { (reversedWords($0.left), $0.document, $0.utterance) < (reversedWords($1.left), $1.document, $1.utterance) }
        case .right: lines.sort { ($0.right.lowercased(), $0.document, $0.utterance) < ($1.right.lowercased(), $1.document, $1.utterance) }
        }
        return limit.map { Array(lines.prefix($0)) } ?? lines
    }

    /// A match found on the token index, before its text is read.
    private struct Hit {
        var record: UtteranceRecord
        var start: Int
        var end: Int

        /// The utterance's key.
        var key: CodedCorpus.UtteranceKey { CodedCorpus.UtteranceKey(document: record.document, index: record.index) }
    }

    private struct EnoughLines: Error {}

    /// The lines of `hits`, their contexts sliced from the utterances' text, each text decoded once.
    ///
    /// - Parameter texts: The utterances' text by key; `nil` when the hits' records hold it.
    private static func withText(_ hits: [Hit], width: Int, texts: [CodedCorpus.UtteranceKey: String]?) -> [ConcordanceLine] {
        var slicer = ScalarSlicer()
        var current: CodedCorpus.UtteranceKey?
        return hits.map { hit in
            let key = hit.key
            if key != current {
                slicer.reset(texts.map { $0[key] ?? "" } ?? hit.record.text)
                current = key
            }
            return ConcordanceLine(
                document: key.document, utterance: key.index, start: hit.start, end: hit.end, speaker: hit.record.speaker,
                group: hit.record.group, left: slicer.slice((hit.start - width)..<hit.start), keyword: slicer.slice(hit.start..<hit.end),
                right: slicer.slice(hit.end..<(hit.end + width)), codes: [])
        }
    }

    /// The left context's words, nearest first, joined for sorting.
    private static func reversedWords(_ text: String) -> String {
        Tokenizer.words(in: text).map { $0.lowercased() }.reversed().joined(separator: " ")
    }

    /// The lines with the codes of the codings that overlap each hit, read per document for the
    /// utterances the hits are in (not the whole project).
    private static func withCodes(_ lines: [ConcordanceLine], store: ProjectStore) throws -> [ConcordanceLine] {
        var ranges: [String: ClosedRange<Int>] = [:]
        for line in lines {
            let range = ranges[line.document] ?? line.utterance...line.utterance
            ranges[line.document] = min(range.lowerBound, line.utterance)...max(range.upperBound, line.utterance)
        }
        var byUtterance: [CodedCorpus.UtteranceKey: [DocumentCoding]] = [:]
        for (document, codings) in try store.codings(inDocuments: ranges) {
            guard let range = ranges[document] else { continue }
            let (first, last) = (range.lowerBound, range.upperBound)
            for coding in codings {
                for index in max(first, coding.fragment.startUtterance)...min(last, coding.fragment.endUtterance) {
                    byUtterance[CodedCorpus.UtteranceKey(document: document, index: index), default: []].append(coding)
                }
            }
        }
        return lines.map { line in
            var line = line
            let hit = line.start..<line.end
            let codings = byUtterance[CodedCorpus.UtteranceKey(document: line.document, index: line.utterance)] ?? []
            // Without the utterance's length, a coding that runs on past it covers up to "the end".
            let names = codings.filter { $0.fragment.coveredRange(inUtterance: line.utterance, length: Int.max)?.overlaps(hit) ?? false }
            line.codes = Set(names.map(\.code)).sorted()
            return line
        }
    }
}

extension ProjectStore {
    /// Codes every concordance hit with `code`, all or nothing (`cda kwic --code-as`).
    ///
    /// - Throws: `CodingError.emptyCodeName` or `.controlCharacterInCodeName` for the name,
    ///   `SheetError` when a hit cannot be stored.
    public func codeConcordance(_ lines: [ConcordanceLine], as code: String, round: Int?, coder: String, pattern: String) throws
        -> SheetImportResult
    {
        _ = try CodeName.validated(code)  // one message for the name, not one per hit
        let rows = lines.enumerated().map { index, line in
            CodingSheet.Row(
                line: index + 1,
                request: CodingRequest(
                    fragment: Fragment(
                        documentID: line.document, startUtterance: line.utterance, startOffset: line.start, endOffset: line.end),
                    codeName: code, round: round, coder: coder, memo: "kwic: \(pattern)"))
        }
        return try importSheet(rows, file: "kwic '\(pattern)'")
    }
}
