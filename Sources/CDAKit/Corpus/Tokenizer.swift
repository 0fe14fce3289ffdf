/// The one word tokenizer used everywhere in a project: counts, coverage, keyness, concordances.
///
/// A word is a run of Unicode letters, combining marks and decimal digits.
/// A hyphen (`-`, U+2010, U+2011) or an apostrophe (`'`, U+2019) *between* two
/// such characters belongs to the word, so `sociaal-economisch` and `zo'n` are one
/// word each, while `'t` and `data-` lose the mark at their edge. Everything else
/// separates words. Offsets are Unicode scalar offsets, zero-based, end-exclusive.
public enum Tokenizer {
    /// A word's position inside a text.
    public struct Span: Sendable, Hashable {
        /// The offset of the word's first scalar.
        public var start: Int
        /// The offset just past the word's last scalar.
        public var end: Int

        /// Creates a span.
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// Calls `body` with each word's span, in order.
    ///
    /// - Complexity: O(*n*) in the number of Unicode scalars.
    public static func forEachSpan(in text: String, _ body: (Span) -> Void) {
        var offset = 0
        var tokenStart = -1
        var joinerPending = false
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if tokenStart < 0 { tokenStart = offset }
                joinerPending = false
            } else if tokenStart >= 0 && !joinerPending && isJoiner(scalar) {
                joinerPending = true
            } else if tokenStart >= 0 {
                body(Span(start: tokenStart, end: joinerPending ? offset - 1 : offset))
                tokenStart = -1
                joinerPending = false
            }
            offset += 1
        }
        if tokenStart >= 0 {
            body(Span(start: tokenStart, end: joinerPending ? offset - 1 : offset))
        }
    }

    /// The spans of all words in `text`.
    ///
    /// - Complexity: O(*n*) in the number of Unicode scalars.
    public static func spans(in text: String) -> [Span] {
        var result: [Span] = []
        forEachSpan(in: text) { result.append($0) }
        return result
    }

    /// The words of `text` as they are written.
    ///
    /// - Complexity: O(*n*) in the number of Unicode scalars.
    public static func words(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var result: [String] = []
        forEachSpan(in: text) { span in
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[span.start..<span.end])
            result.append(String(word))
        }
        return result
    }

    /// The number of words in `text`.
    ///
    /// - Complexity: O(*n*) in the number of Unicode scalars.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        forEachSpan(in: text) { _ in count += 1 }
        return count
    }

    /// The number of words and of Unicode scalars in `text`, in one pass.
    ///
    /// - Complexity: O(*n*) in the number of Unicode scalars.
    public static func counts(_ text: String) -> (words: Int, scalars: Int) {
        var words = 0
        var scalars = 0
        var inWord = false
        var joinerPending = false
        for scalar in text.unicodeScalars {
            scalars += 1
            if isWordScalar(scalar) {
                if !inWord { words += 1 }
                inWord = true
                joinerPending = false
            } else if inWord && !joinerPending && isJoiner(scalar) {
                joinerPending = true
            } else {
                inWord = false
                joinerPending = false
            }
        }
        return (words, scalars)
    }

    /// Whether `scalar` can be part of a word: a letter, a combining mark or a decimal digit.
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x30 && value <= 0x39)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Whether `scalar` joins two word parts when it stands between them.
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x27, 0x2010, 0x2011, 0x2019: return true
        default: return false
        }
    }
}
