import Foundation

/// A dictionary for auto-coding: `code<TAB>pattern` lines; a pattern is a word, a phrase, or a
/// word ending in `*` (any ending). Lines starting with `#` are comments; a first line
/// `code<TAB>pattern` is a header.
public struct CodingDictionary: Sendable, Hashable {
    /// One entry.
    public struct Entry: Sendable, Hashable {
        /// The code to suggest.
        public var code: String
        /// The pattern as written.
        public var pattern: String
        /// The 1-based line.
        public var line: Int
    }

    /// The entries in file order.
    public var entries: [Entry]

    /// Reads a dictionary.
    ///
    /// - Throws: `SheetError` listing every bad line (no tab, empty code or pattern, `*` not at a word's end).
    public static func load(path: String) throws -> CodingDictionary {
        let text = try TextDecoding.decode(try SourceFile(contentsOf: path))
        var entries: [Entry] = []
        var issues: [CodingSheet.Issue] = []
        for (offset, line) in TextDecoding.lines(of: text).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if offset == 0, cells.first?.lowercased() == "code", cells.last?.lowercased() == "pattern" { continue }
            guard cells.count == 2, !cells[0].isEmpty, !cells[1].isEmpty else {
                issues.append(.init(file: path, line: offset + 1, message: "expected 'code<TAB>pattern'"))
                continue
            }
            let stars = cells[1].split(separator: " ").dropLast().contains { $0.contains("*") } || cells[1].dropLast().contains("*")
            if stars {
                issues.append(.init(file: path, line: offset + 1, message: "'*' may only end the pattern's last word"))
                continue
            }
            entries.append(Entry(code: cells[0], pattern: cells[1], line: offset + 1))
        }
        if !issues.isEmpty { throw SheetError(issues: issues) }
        return CodingDictionary(entries: entries)
    }

    /// The distinct codes, sorted, and for each entry the index of its code among them.
    var codeNumbers: (codes: [String], ofEntry: [Int]) {
        let codes = Array(Set(entries.map(\.code))).sorted()
        let number = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($0.element, $0.offset) })
        return (codes, entries.map { number[$0.code]! })
    }
}

/// Dictionary hits counted per code and group (`-` for talk without a group).
public struct AutoCodeCounts: Sendable, Hashable {
    /// Hits per code, then per group.
    public var perCode: [String: [String: Int]] = [:]

    /// No hits yet.
    public init() {}

    /// All hits.
    public var total: Int { perCode.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// Counts one hit.
    public mutating func add(_ hit: AutoCodeHit) { add(code: hit.code, group: hit.group) }

    /// Counts one hit of `code` in `group`.
    mutating func add(code: String, group: String?) {
        perCode[code, default: [:]][group ?? "-", default: 0] += 1
    }
}

/// One dictionary hit: a suggested coding.
public struct AutoCodeHit: Sendable, Hashable, Codable {
    /// The fragment hit (inside one utterance).
    public var fragment: Fragment
    /// The code suggested.
    public var code: String
    /// The pattern that hit (the first, when several patterns of the code hit the same span).
    public var pattern: String
    /// The group of the talk.
    public var group: String?
    /// The matched text.
    public var text: String
}

/// Dictionary-based auto-coding over the token index: the dictionary is compiled once to sequences
/// of word ids (a `*` expands against the vocabulary), and each utterance's ids are matched in one
/// pass through a trie, so no text is read except to quote a hit.
public enum AutoCoder {
    /// Finds every hit of the dictionary in scope, in text order (see `forEachHit`).
    ///
    /// - Complexity: O(*n* · *d*) for *n* words in scope and patterns of at most *d* words.
    public static func hits(of dictionary: CodingDictionary, in store: ProjectStore, scope: TextScope) throws -> [AutoCodeHit] {
        var hits: [AutoCodeHit] = []
        try forEachHit(of: dictionary, in: store, scope: scope) { hits.append($0) }
        return hits
    }

    /// Calls `body` with every hit, streaming: utterances in document order; in an utterance by
    /// first word, shorter before longer, then by dictionary line. Where several patterns of one code
    /// hit the same words, the first in that order is the one reported.
    ///
    /// A pattern's words match the project tokenizer's words, compared as the scope compares them;
    /// a last word ending in `*` matches any word it begins. A hit must start in scope.
    public static func forEachHit(
        of dictionary: CodingDictionary, in store: ProjectStore, scope: TextScope, _ body: (AutoCodeHit) throws -> Void
    ) throws {
        try scan(dictionary, in: store, scope: scope, readText: true) { entry, record, from, to, text in
            let entry = dictionary.entries[entry]
            try body(
                AutoCodeHit(
                    fragment: Fragment(documentID: record.document, startUtterance: record.index, startOffset: from, endOffset: to),
                    code: entry.code, pattern: entry.pattern, group: record.group, text: text.slice(from..<to)))
        }
    }

    /// Hits per code and group, without building the hits themselves or reading any text (`cda autocode --count`).
    ///
    /// - Complexity: as `hits`, with no work per hit beyond counting.
    public static func countHits(of dictionary: CodingDictionary, in store: ProjectStore, scope: TextScope) throws -> AutoCodeCounts {
        var result = AutoCodeCounts()
        try scan(dictionary, in: store, scope: scope, readText: false) { entry, record, _, _, _ in
            result.add(code: dictionary.entries[entry].code, group: record.group)
        }
        return result
    }

    /// The one pass behind `forEachHit`, `countHits` and `writeSheet`: calls `found(entry,
    /// utterance, from, to, text)` per hit, with the index of the dictionary entry that hit, the
    /// hit's scalar offsets and the utterance's text to slice.
    static func scan(
        _ dictionary: CodingDictionary, in store: ProjectStore, scope: TextScope, readText: Bool,
        _ found: (Int, UtteranceRecord, Int, Int, inout ScalarSlicer) throws -> Void
    ) throws {
        var trie = DictionaryTrie()
        // Looked up once per entry, not hashed per hit.
        let codeOfEntry = dictionary.codeNumbers.ofEntry.map(Int32.init)
        var seen: Set<SIMD3<Int32>> = []
        var inScope: [Bool] = []
        var text = ScalarSlicer()
        try store.forEachUtterance(in: scope, readText: readText) { words in
            trie = DictionaryTrie(dictionary, words: words, scope: scope)
        } _: { utterance in
            let tokens = utterance.allTokens
            guard !utterance.tokens.isEmpty else { return }
            let restricted = utterance.tokens.count != tokens.count
            if restricted {
                let starts = Set(utterance.tokens.map(\.span.start))
                inScope = tokens.map { starts.contains($0.span.start) }
            }
            seen.removeAll(keepingCapacity: true)
            text.reset(utterance.record.text)
            for first in tokens.indices where !restricted || inScope[first] {
                try trie.forEachMatch(in: tokens, from: first) { pattern, last in
                    let from = tokens[first].span.start
                    let to = tokens[last].span.end
                    guard seen.insert(SIMD3(codeOfEntry[pattern], Int32(from), Int32(to))).inserted else { return }
                    try found(pattern, utterance.record, from, to, &text)
                }
            }
        }
    }

    /// The hits as coding-sheet rows (memo `autocode: PATTERN`), for review before import.
    public static func sheetRows(_ hits: [AutoCodeHit], round: Int, coder: String) -> [[String]] {
        hits.map { sheetRow($0, round: round, coder: coder) }
    }

    /// One hit as a coding-sheet row (memo `autocode: PATTERN`).
    public static func sheetRow(_ hit: AutoCodeHit, round: Int, coder: String) -> [String] {
        CodingSheet.row(hit.fragment, code: hit.code, round: round, coder: coder, memo: "autocode: \(hit.pattern)", text: hit.text)
    }

    /// Hits per code and group.
    public static func counts(_ hits: [AutoCodeHit]) -> AutoCodeCounts {
        var result = AutoCodeCounts()
        for hit in hits { result.add(code: hit.code, group: hit.group) }
        return result
    }
}

extension ProjectStore {
    /// Imports auto-coding hits as codings with origin `suggested`, all or nothing.
    ///
    /// - Returns: The import result.
    /// - Throws: `SheetError` when a hit cannot be stored.
    public func applyAutoCodes(_ hits: [AutoCodeHit], round: Int?, coder: String, file: String) throws -> SheetImportResult {
        let rows = hits.enumerated().map { index, hit in
            CodingSheet.Row(
                line: index + 1,
                request: CodingRequest(
                    fragment: hit.fragment, codeName: hit.code, round: round, coder: coder, memo: "autocode: \(hit.pattern)",
                    origin: .suggested))
        }
        return try importSheet(rows, file: file)
    }
}
