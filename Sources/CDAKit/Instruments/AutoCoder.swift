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
}

/// Dictionary hits counted per code and group (`-` for talk without a group).
public struct AutoCodeCounts: Sendable, Hashable {
    /// Hits per code, then per group.
    public var perCode: [String: [String: Int]] = [:]

    /// All hits.
    public var total: Int { perCode.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// Counts one hit.
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

/// Dictionary-based auto-coding: all patterns matched in one pass per utterance with Aho–Corasick,
/// over the project tokenizer's words (so a phrase matches across punctuation).
public enum AutoCoder {
    /// Finds every hit of the dictionary in scope.
    ///
    /// Each utterance's words are normalised and joined by single spaces with a space at both ends;
    /// a pattern `w1 w2` is searched as ` w1 w2 `, a prefix pattern `w*` as ` w`, so matches start
    /// and end on word boundaries.
    ///
    /// - Complexity: O(*n* + *z*) for *n* bytes of talk and *z* hits, after O(*m*) to build the automaton.
    public static func hits(of dictionary: CodingDictionary, in store: ProjectStore, scope: TextScope) throws -> [AutoCodeHit] {
        var hits: [AutoCodeHit] = []
        try scan(dictionary, in: store, scope: scope) { _, _, makeHit in hits.append(makeHit()) }
        return hits
    }

    /// Hits per code and group, without building the hits themselves (`cda autocode --count`).
    ///
    /// - Complexity: as `hits`, with no work per hit beyond counting.
    public static func countHits(of dictionary: CodingDictionary, in store: ProjectStore, scope: TextScope) throws -> AutoCodeCounts {
        var result = AutoCodeCounts()
        try scan(dictionary, in: store, scope: scope) { code, group, _ in result.add(code: code, group: group) }
        return result
    }

    /// The one pass behind `hits` and `countHits`: calls `found(code, group, makeHit)` per hit;
    /// `makeHit` builds the full hit only when the caller wants it.
    private static func scan(
        _ dictionary: CodingDictionary, in store: ProjectStore, scope: TextScope,
        _ found: (String, String?, () -> AutoCodeHit) -> Void
    ) throws {
        var patterns: [[UInt8]] = []
        var wordCounts: [Int] = []
        for entry in dictionary.entries {
            let isPrefix = entry.pattern.hasSuffix("*")
            let words = Tokenizer.words(in: entry.pattern).map { scope.normalize($0) }
            wordCounts.append(words.count)
            patterns.append(Array((" " + words.joined(separator: " ") + (isPrefix ? "" : " ")).utf8))
        }
        let automaton = AhoCorasick(patterns)
        try store.forEachUtterance(in: scope) { utterance in
            let tokens = utterance.allTokens
            let inScope = Set(utterance.tokens.map(\.span.start))
            guard !inScope.isEmpty else { return }
            var text: [UInt8] = [0x20]
            var tokenAtByte: [Int: Int] = [:]
            for (index, token) in tokens.enumerated() {
                tokenAtByte[text.count] = index
                text.append(contentsOf: token.form.utf8)
                text.append(0x20)
            }
            var seen: Set<String> = []
            automaton.forEachMatch(in: text) { id, end in
                let start = end - automaton.lengths[id] + 1
                guard let first = tokenAtByte[start] else { return }
                let last = first + wordCounts[id] - 1
                guard last < tokens.count, inScope.contains(tokens[first].span.start) else { return }
                let from = tokens[first].span.start
                let to = tokens[last].span.end
                let entry = dictionary.entries[id]
                guard seen.insert("\(entry.code)\u{1}\(from)\u{1}\(to)").inserted else { return }
                found(entry.code, utterance.record.group) {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: utterance.scalars[from..<to])
                    return AutoCodeHit(
                        fragment: Fragment(
                            documentID: utterance.record.document, startUtterance: utterance.record.index, startOffset: from, endOffset: to),
                        code: entry.code, pattern: entry.pattern, group: utterance.record.group, text: String(view))
                }
            }
        }
    }

    /// The hits as coding-sheet rows (memo `autocode: PATTERN`), for review before import.
    public static func sheetRows(_ hits: [AutoCodeHit], round: Int, coder: String) -> [[String]] {
        hits.map { hit in
            CodingSheet.row(hit.fragment, code: hit.code, round: round, coder: coder, memo: "autocode: \(hit.pattern)", text: hit.text)
        }
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
