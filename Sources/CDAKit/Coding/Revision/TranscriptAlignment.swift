/// How the text of one version of a transcript lies in the next: which scalar of each old
/// utterance is the same scalar of a new utterance, and which old utterances became which new ones.
///
/// Both versions are read as one stream of tokens — words and single other scalars; white space
/// and utterance boundaries are left out, so that neither ever outweighs a word. A shortest edit
/// script (Myers) over these tokens matches unchanged words; between two matched tokens, the
/// stretch, words alike enough to be corrections of each other (at least half of the shorter one's
/// scalars in common) are paired and compared scalar by scalar, and white space is matched where
/// it can be, so that a rewritten word maps nowhere. Old utterances none of whose text survived are then paired, by speaker,
/// with new ones standing at the same place (a turn rewritten beyond recognition).
/// Inserted, deleted, split and merged utterances need no special case: their words match where
/// they went. Positions are Unicode scalar offsets, zero-based, end-exclusive.
public struct TranscriptAlignment: Sendable {
    /// The utterances of the stored version, in order.
    public let old: [Utterance]
    /// The utterances of the revised version, in order.
    public let new: [Utterance]
    /// For each old scalar (in stream order), the new stream position it became, or -1.
    let oldToNew: [Int32]
    /// The stream position of each utterance's first scalar, plus the total at the end.
    let oldBase: [Int]
    let newBase: [Int]
    /// For each old utterance (by position) none of whose text survived, the new utterance (by
    /// position) that took its place, if any.
    let looseMatch: [Int?]
    /// The scalars of each version, in stream order.
    let oldScalars: [Unicode.Scalar]
    let newScalars: [Unicode.Scalar]
    /// The position in `old` of each old utterance index.
    let oldPosition: [Int: Int]

    /// Aligns two versions of a transcript.
    ///
    /// - Complexity: O((N + M) · D) for N and M tokens and D token edits; beyond 3,000 token edits
    ///   in one stretch the rest of that stretch is treated as rewritten.
    public init(old: [Utterance], new: [Utterance]) {
        self.old = old
        self.new = new
        var names: [String: Int] = [:]
        let oldStream = TokenStream(old, names: &names)
        let newStream = TokenStream(new, names: &names)
        oldBase = oldStream.base
        newBase = newStream.base
        oldScalars = oldStream.scalars
        newScalars = newStream.scalars
        oldPosition = Dictionary(old.enumerated().map { ($1.index, $0) }, uniquingKeysWith: { first, _ in first })
        var map = [Int32](repeating: -1, count: oldStream.scalars.count)
        let pairs = MyersDiff.matches(oldStream.tokens.map(\.name), newStream.tokens.map(\.name))
        var previous = (0, 0)
        var previousToken = (0, 0)
        for pair in pairs + [(oldStream.tokens.count, newStream.tokens.count)] {
            let last = pair.0 == oldStream.tokens.count
            let a = last ? nil : oldStream.tokens[pair.0]
            let b = last ? nil : newStream.tokens[pair.1]
            Self.refine(
                Gap(
                    old: oldStream, oldTokens: previousToken.0..<pair.0, oldScalars: previous.0..<(a?.start ?? oldStream.scalars.count),
                    new: newStream, newTokens: previousToken.1..<pair.1, newScalars: previous.1..<(b?.start ?? newStream.scalars.count)),
                into: &map)
            if let a, let b {
                for i in 0..<a.length { map[a.start + i] = Int32(b.start + i) }
                previous = (a.start + a.length, b.start + b.length)
            }
            previousToken = (pair.0 + 1, pair.1 + 1)
        }
        oldToNew = map
        looseMatch = Self.pairLooseUtterances(map: map, old: old, oldBase: oldBase, new: new, newBase: newBase)
    }

    /// Pairs the old utterances none of whose text survived with the new ones that hold no old
    /// text, where they stand at the same place between surviving text, by speaker (Myers on the
    /// speakers' sequence): a rewritten turn is paired with the turn that replaced it.
    private static func pairLooseUtterances(map: [Int32], old: [Utterance], oldBase: [Int], new: [Utterance], newBase: [Int]) -> [Int?] {
        var newHit = [Bool](repeating: false, count: newBase.last ?? 0)
        for target in map where target >= 0 { newHit[Int(target)] = true }
        // For each old utterance, the new place of the last surviving scalar before it (-1 for none).
        var oldPlaces: [Int: [Int]] = [:]
        var lastTarget = -1
        for u in old.indices {
            let range = oldBase[u]..<oldBase[u + 1]
            if !range.contains(where: { map[$0] >= 0 }) { oldPlaces[lastTarget, default: []].append(u) }
            for g in range where map[g] >= 0 { lastTarget = Int(map[g]) }
        }
        var newPlaces: [Int: [Int]] = [:]
        var lastHit = -1
        for v in new.indices {
            let range = newBase[v]..<newBase[v + 1]
            if !range.contains(where: { newHit[$0] }) { newPlaces[lastHit, default: []].append(v) }
            for g in range where newHit[g] { lastHit = g }
        }
        var result = [Int?](repeating: nil, count: old.count)
        for (place, olds) in oldPlaces {
            guard let news = newPlaces[place] else { continue }
            for (i, j) in MyersDiff.matches(olds.map { old[$0].speakerID }, news.map { new[$0].speakerID }) {
                result[olds[i]] = news[j]
            }
        }
        return result
    }

    /// A stretch between two matched tokens (or an end), in both versions.
    struct Gap {
        var old: TokenStream
        var oldTokens: Range<Int>
        var oldScalars: Range<Int>
        var new: TokenStream
        var newTokens: Range<Int>
        var newScalars: Range<Int>
    }

    /// Matches what can be matched inside a gap: its tokens are paired where they are alike (at
    /// least half of the shorter one's scalars in common, in order — a corrected typo), preferring
    /// the pairs with most in common, and matched scalar by scalar; the white space between paired
    /// tokens is matched where it can be. A rewritten word pairs with nothing.
    private static func refine(_ gap: Gap, into map: inout [Int32]) {
        guard !gap.oldScalars.isEmpty, !gap.newScalars.isEmpty else { return }
        var pairs: [(Int, Int)] = []
        if gap.oldTokens.count * gap.newTokens.count <= 40_000 {
            pairs = alikeTokens(gap)
        }
        var oldFrom = gap.oldScalars.lowerBound
        var newFrom = gap.newScalars.lowerBound
        for (i, j) in pairs {
            let a = gap.old.tokens[i]
            let b = gap.new.tokens[j]
            matchSpace(gap.old, oldFrom..<a.start, gap.new, newFrom..<b.start, into: &map)
            let aScalars = Array(gap.old.scalars[a.start..<(a.start + a.length)])
            let bScalars = Array(gap.new.scalars[b.start..<(b.start + b.length)])
            for (x, y) in MyersDiff.matches(aScalars, bScalars) { map[a.start + x] = Int32(b.start + y) }
            oldFrom = a.start + a.length
            newFrom = b.start + b.length
        }
        matchSpace(gap.old, oldFrom..<gap.oldScalars.upperBound, gap.new, newFrom..<gap.newScalars.upperBound, into: &map)
    }

    /// The pairs of alike tokens of a gap, in order, with the most scalars in common (dynamic programming).
    private static func alikeTokens(_ gap: Gap) -> [(Int, Int)] {
        let olds = gap.oldTokens.map { token in
            Array(gap.old.scalars[gap.old.tokens[token].start..<(gap.old.tokens[token].start + gap.old.tokens[token].length)])
        }
        let news = gap.newTokens.map { token in
            Array(gap.new.scalars[gap.new.tokens[token].start..<(gap.new.tokens[token].start + gap.new.tokens[token].length)])
        }
        guard !olds.isEmpty, !news.isEmpty else { return [] }
        var weight = [[Int]](repeating: [Int](repeating: 0, count: news.count), count: olds.count)
        for i in olds.indices {
            for j in news.indices {
                let common = MyersDiff.matches(olds[i], news[j]).count
                weight[i][j] = common * 2 >= min(olds[i].count, news[j].count) ? common : 0
            }
        }
        var score = [[Int]](repeating: [Int](repeating: 0, count: news.count + 1), count: olds.count + 1)
        for i in 1...olds.count {
            for j in 1...news.count {
                let pair = weight[i - 1][j - 1] > 0 ? score[i - 1][j - 1] + weight[i - 1][j - 1] : 0
                score[i][j] = max(score[i - 1][j], score[i][j - 1], pair)
            }
        }
        var result: [(Int, Int)] = []
        var i = olds.count
        var j = news.count
        while i > 0, j > 0 {
            if weight[i - 1][j - 1] > 0, score[i][j] == score[i - 1][j - 1] + weight[i - 1][j - 1] {
                result.append((gap.oldTokens.lowerBound + i - 1, gap.newTokens.lowerBound + j - 1))
                i -= 1
                j -= 1
            } else if score[i][j] == score[i - 1][j] {
                i -= 1
            } else {
                j -= 1
            }
        }
        return result.reversed()
    }

    /// Matches the white space of two stretches, in order.
    private static func matchSpace(_ a: TokenStream, _ aRange: Range<Int>, _ b: TokenStream, _ bRange: Range<Int>, into map: inout [Int32])
    {
        let aSpaces = aRange.filter { a.scalars[$0].properties.isWhitespace }
        let bSpaces = bRange.filter { b.scalars[$0].properties.isWhitespace }
        guard !aSpaces.isEmpty, !bSpaces.isEmpty, aSpaces.count <= 4000, bSpaces.count <= 4000 else { return }
        for (x, y) in MyersDiff.matches(aSpaces.map { a.scalars[$0] }, bSpaces.map { b.scalars[$0] }) {
            map[aSpaces[x]] = Int32(bSpaces[y])
        }
    }

    /// The new utterance position and offset of a new stream position.
    func newPlace(_ position: Int) -> (utterance: Int, offset: Int) {
        var low = 0
        var high = new.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if newBase[mid] <= position { low = mid } else { high = mid - 1 }
        }
        return (low, position - newBase[low])
    }

    /// The new utterances (by position) that hold matched scalars of old utterance `u`; for an
    /// utterance none of whose scalars matched, the new one that took its place, if any.
    func counterparts(ofOld u: Int) -> [Int] {
        var found: Set<Int> = []
        var g = oldBase[u]
        while g < oldBase[u + 1] {
            let target = oldToNew[g]
            if target >= 0 { found.insert(newPlace(Int(target)).utterance) }
            g += 1
        }
        if found.isEmpty, let loose = looseMatch[u] { found.insert(loose) }
        return found.sorted()
    }
}

/// One version of a transcript as tokens over a stream of scalars.
struct TokenStream {
    struct Token {
        var name: Int
        var start: Int
        var length: Int
    }

    var tokens: [Token] = []
    var scalars: [Unicode.Scalar] = []
    var base: [Int] = []

    init(_ utterances: [Utterance], names: inout [String: Int]) {
        func intern(_ key: String) -> Int {
            if let known = names[key] { return known }
            names[key] = names.count
            return names.count - 1
        }
        for utterance in utterances {
            base.append(scalars.count)
            let text = Array(utterance.text.unicodeScalars)
            var i = 0
            while i < text.count {
                let kind = Self.kind(text[i])
                var j = i + 1
                if kind != 2 { while j < text.count, Self.kind(text[j]) == kind { j += 1 } }
                if kind != 1 {
                    let piece = String(String.UnicodeScalarView(text[i..<j]))
                    tokens.append(Token(name: intern(piece), start: scalars.count + i, length: j - i))
                }
                i = j
            }
            scalars += text
        }
        base.append(scalars.count)
    }

    /// 0 for word scalars, 1 for white space (not a token), 2 for anything else (each its own token).
    private static func kind(_ scalar: Unicode.Scalar) -> Int {
        if Tokenizer.isWordScalar(scalar) { return 0 }
        return scalar.properties.isWhitespace ? 1 : 2
    }
}
