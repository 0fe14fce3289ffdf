import Foundation

/// Finds a piece of text inside utterances, as a reader searches a page: case is ignored, and
/// so are diacritics on request (`naief` finds `naïef`, `een` finds `Één`). Unlike a concordance
/// it matches any run of characters, not whole words.
///
/// Both sides are folded one Unicode scalar at a time (lowercased, then, when folding,
/// `String.folding(options: .diacriticInsensitive)`, as `TextScope.normalize` does for words, with
/// combining marks dropped), and every folded scalar remembers the original scalar it came from,
/// so that a match is reported in the original text's offsets. A mark that folds away right after
/// a match belongs to it, so that a decomposed `é` (`e` + U+0301) is never cut in two.
public struct TextFinder: Sendable, Hashable {
    /// The text searched for, as given.
    public let query: String
    /// Whether diacritics are ignored.
    public let foldDiacritics: Bool
    private let needle: [Unicode.Scalar]

    /// A finder, or `nil` when the query has no character besides spaces (or only marks that fold away).
    public init?(_ query: String, foldDiacritics: Bool) {
        self.query = query
        self.foldDiacritics = foldDiacritics
        needle = Self.fold(query.trimmingCharacters(in: .whitespacesAndNewlines), foldDiacritics: foldDiacritics).scalars
        guard !needle.isEmpty else { return nil }
    }

    /// Where the query occurs in `text`, left to right, without overlaps.
    ///
    /// - Returns: Ranges of Unicode scalar offsets, zero-based, end-exclusive.
    /// - Complexity: O(*n* · *m*) for a text of *n* scalars and a query of *m*.
    public func ranges(in text: String) -> [Range<Int>] {
        let folded = Self.fold(text, foldDiacritics: foldDiacritics)
        let haystack = folded.scalars
        let count = needle.count
        guard haystack.count >= count else { return [] }
        var found: [Range<Int>] = []
        var position = 0
        while position + count <= haystack.count {
            if haystack[position] == needle[0], haystack[position..<(position + count)].elementsEqual(needle) {
                var end = folded.origin[position + count - 1] + 1
                while end < folded.dropped.count, folded.dropped[end] { end += 1 }
                found.append(folded.origin[position]..<end)
                position += count
            } else {
                position += 1
            }
        }
        return found
    }

    /// `text` folded scalar by scalar: the folded scalars, the original offset of each, and which
    /// original scalars fold to nothing.
    static func fold(_ text: String, foldDiacritics: Bool) -> (scalars: [Unicode.Scalar], origin: [Int], dropped: [Bool]) {
        var scalars: [Unicode.Scalar] = []
        var origin: [Int] = []
        var dropped: [Bool] = []
        var cache: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let folded: [Unicode.Scalar]
            if scalar.isASCII {
                folded = [scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 0x20)! : scalar]
            } else if let known = cache[scalar] {
                folded = known
            } else if foldDiacritics, [.nonspacingMark, .enclosingMark].contains(scalar.properties.generalCategory) {
                folded = []  // a combining mark of a decomposed letter: folding drops it, as it does in a precomposed one
                cache[scalar] = folded
            } else {
                let lower = String(scalar).lowercased()
                folded = Array((foldDiacritics ? lower.folding(options: .diacriticInsensitive, locale: nil) : lower).unicodeScalars)
                cache[scalar] = folded
            }
            dropped.append(folded.isEmpty)
            for part in folded {
                scalars.append(part)
                origin.append(offset)
            }
        }
        return (scalars, origin, dropped)
    }
}
