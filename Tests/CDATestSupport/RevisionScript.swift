public import CDAKit

/// A random transcript whose every word is unique, and random edit scripts on it, for property
/// tests of revisions: because each original word occurs once, where it went is known exactly.
public struct RevisionScript {
    /// One word: `id >= 0` for an original word (its text may get a typo), `-1` for a word an
    /// edit wrote, `-2` for an emoji (never the end of a coding).
    public struct Word: Hashable {
        public var id: Int
        public var text: String
    }

    /// One turn.
    public struct Turn: Hashable {
        public var speaker: String
        public var words: [Word]
        public var text: String { words.map(\.text).joined(separator: " ") }
    }

    public private(set) var turns: [Turn]
    private var fresh = 0
    static let stems = [
        "gegevens", "privacy", "één", "naïef", "overheid", "loket", "café", "zeeën", "reageren", "vertrouwen", "ruïne",
        "coördinatie", "geïnteresseerd", "mattheüseffect", "e\u{301}tude",
    ]
    static let emoji = ["😀", "👍🏽", "🇳🇱"]
    static let speakers = ["A", "B", "M"]

    /// A random transcript of 3–7 turns of 1–7 words.
    public init(using random: inout some RandomNumberGenerator) {
        var turns: [Turn] = []
        var next = 0
        for _ in 0..<Int.random(in: 3...7, using: &random) {
            var words: [Word] = []
            let count = Int.random(in: 1...7, using: &random)
            for position in 0..<count {
                if position > 0, position < count - 1, Int.random(in: 0..<6, using: &random) == 0 {
                    words.append(Word(id: -2, text: Self.emoji.randomElement(using: &random)!))
                }
                words.append(Word(id: next, text: Self.stems.randomElement(using: &random)! + Self.tag(next, letters: "bcdfghjklm")))
                next += 1
            }
            turns.append(Turn(speaker: Self.speakers.randomElement(using: &random)!, words: words))
        }
        self.turns = turns
    }

    /// The turns as utterances numbered from 1.
    public var utterances: [Utterance] {
        turns.enumerated().map { Utterance(index: $0.offset + 1, speakerID: $0.element.speaker, text: $0.element.text) }
    }

    /// Where an original word is: its turn (0-based) and its scalar range in the turn's text.
    public func place(of id: Int) -> (turn: Int, range: Range<Int>)? {
        for (t, turn) in turns.enumerated() {
            var offset = 0
            for word in turn.words {
                let length = word.text.unicodeScalars.count
                if word.id == id { return (t, offset..<(offset + length)) }
                offset += length + 1
            }
        }
        return nil
    }

    /// Applies one random edit: insert, delete, replace or mistype a word; split, merge, insert or
    /// delete a turn; change a speaker.
    public mutating func edit(using random: inout some RandomNumberGenerator) {
        let t = Int.random(in: 0..<turns.count, using: &random)
        let count = turns[t].words.count
        switch Int.random(in: 0..<9, using: &random) {
        case 0: turns[t].words.insert(newWord(), at: Int.random(in: 0...count, using: &random))
        case 1 where count > 1: turns[t].words.remove(at: Int.random(in: 0..<count, using: &random))
        case 2: turns[t].words[Int.random(in: 0..<count, using: &random)] = newWord()
        case 3:
            let w = Int.random(in: 0..<count, using: &random)
            var scalars = Array(turns[t].words[w].text.unicodeScalars)
            guard turns[t].words[w].id >= 0 else { return }
            scalars.insert("Q", at: Int.random(in: 0...scalars.count, using: &random))
            turns[t].words[w].text = String(String.UnicodeScalarView(scalars))
        case 4 where count > 1:
            let at = Int.random(in: 1..<count, using: &random)
            let tail = Turn(speaker: turns[t].speaker, words: Array(turns[t].words[at...]))
            turns[t].words.removeSubrange(at...)
            turns.insert(tail, at: t + 1)
        case 5 where t + 1 < turns.count:
            turns[t].words += turns[t + 1].words
            turns.remove(at: t + 1)
        case 6: turns[t].speaker = Self.speakers.filter { $0 != turns[t].speaker }.randomElement(using: &random)!
        case 7: turns.insert(Turn(speaker: Self.speakers.randomElement(using: &random)!, words: [newWord(), newWord()]), at: t)
        case 8 where turns.count > 1: turns.remove(at: t)
        default: turns[t].words.append(newWord())
        }
    }

    /// A word no original word resembles: upper-case letters the originals never use.
    private mutating func newWord() -> Word {
        fresh += 1
        return Word(id: -1, text: "ZW" + Self.tag(fresh, letters: "WXYZ"))
    }

    private static func tag(_ number: Int, letters: String) -> String {
        let alphabet = Array(letters)
        var n = number
        var result = ""
        repeat {
            result.append(alphabet[n % alphabet.count])
            n /= alphabet.count
        } while n > 0
        return result
    }
}
