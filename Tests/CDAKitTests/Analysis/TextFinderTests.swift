import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// *Find in transcript*: case and, on request, diacritics ignored; offsets in the original text's
/// Unicode scalars, checked against a naive reference that compares every folded slice.
@Suite struct TextFinderTests {
    static let text = "Één loket 🙂 is naïef, zeggen ze; NAIEF of naïef?"

    /// The reference: every scalar range of `text` whose folded form equals the folded query,
    /// leftmost first, without overlaps.
    static func reference(_ query: String, in text: String, fold: Bool) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        func folded(_ part: some Sequence<Unicode.Scalar>) -> String {
            let lower = String(String.UnicodeScalarView(part)).lowercased()
            return fold ? lower.folding(options: .diacriticInsensitive, locale: nil) : lower
        }
        let wanted = folded(query.unicodeScalars)
        var found: [Range<Int>] = []
        var start = 0
        outer: while start < scalars.count {
            for end in (start + 1)...scalars.count where folded(scalars[start..<end]) == wanted {
                var stop = end
                while stop < scalars.count, folded([scalars[stop]]).isEmpty { stop += 1 }
                found.append(start..<stop)
                start = stop
                continue outer
            }
            start += 1
        }
        return found
    }

    @Test(arguments: [
        ("naïef", false), ("naief", true), ("NAÏEF", false), ("een", true), ("één", false), ("🙂 is", true), ("f, z", false), ("e", true),
    ])
    func findsWhatTheReferenceFinds(query: String, fold: Bool) throws {
        let finder = try #require(TextFinder(query, foldDiacritics: fold))
        #expect(finder.ranges(in: Self.text) == Self.reference(query, in: Self.text, fold: fold))
    }

    @Test func offsetsAreScalarsOfTheOriginalText() throws {
        let folded = try #require(TextFinder("naief", foldDiacritics: true))
        // 'naïef' is scalars 15..<20 (UTF-16 16..<21, after the emoji); 'NAIEF' 33..<38; 'naïef' 42..<47.
        #expect(folded.ranges(in: Self.text) == [15..<20, 33..<38, 42..<47])
        #expect(try #require(TextFinder("naief", foldDiacritics: false)).ranges(in: Self.text) == [33..<38])
        #expect(try #require(TextFinder(" EEN ", foldDiacritics: true)).ranges(in: Self.text) == [0..<3])
        #expect(try #require(TextFinder("een", foldDiacritics: false)).ranges(in: Self.text).isEmpty)
    }

    @Test func aDecomposedAccentStaysWithItsLetter() throws {
        let text = "cafe\u{301} en café"
        #expect(try #require(TextFinder("cafe", foldDiacritics: true)).ranges(in: text) == [0..<5, 9..<13])
        #expect(try #require(TextFinder("café", foldDiacritics: false)).ranges(in: text) == [9..<13])
        #expect(try #require(TextFinder("cafe\u{301}", foldDiacritics: false)).ranges(in: text) == [0..<5])
    }

    @Test func emptyQueriesFindNothing() {
        #expect(TextFinder("", foldDiacritics: true) == nil)
        #expect(TextFinder("  \n", foldDiacritics: false) == nil)
        #expect(TextFinder("\u{301}", foldDiacritics: true) == nil)
    }

    @Test func findsInADocumentWithALimit() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let finder = try #require(TextFinder("overheid", foldDiacritics: true))
        let all = try store.find(finder, inDocument: "cit", limit: 10)
        #expect(all.total == 2)
        #expect(all.matches == [.init(utterance: 1, start: 19, end: 27), .init(utterance: 2, start: 3, end: 11)])
        let first = try store.find(finder, inDocument: "cit", limit: 1)
        #expect(first.total == 2 && first.matches.count == 1)
        #expect(throws: CorpusError.self) { try store.find(finder, inDocument: "nope", limit: 1) }
    }
}
