import CDAKit
import Testing

@Suite struct TokenizerTests {
    @Test func keepsInternalHyphensAndApostrophes() {
        #expect(Tokenizer.words(in: "Zo'n sociaal-economisch vraagstuk, toch?") == ["Zo'n", "sociaal-economisch", "vraagstuk", "toch"])
    }

    @Test func dropsMarksAtWordEdges() {
        #expect(Tokenizer.words(in: "'t data- -en- 'ja' een--twee") == ["t", "data", "en", "ja", "een", "twee"])
    }

    @Test func countsDiacriticsAsLetters() {
        #expect(Tokenizer.words(in: "één coördinatie naïef ideeën") == ["één", "coördinatie", "naïef", "ideeën"])
        #expect(Tokenizer.wordCount("2040 of 2050: 15 tot 25 jaar") == 7)
    }

    @Test func spansAreScalarOffsets() {
        let spans = Tokenizer.spans(in: "Eén café")
        #expect(spans == [Tokenizer.Span(start: 0, end: 3), Tokenizer.Span(start: 4, end: 8)])
        let decomposed = "e\u{301}en"
        #expect(Tokenizer.spans(in: decomposed) == [Tokenizer.Span(start: 0, end: 4)])
    }

    @Test func curlyApostropheJoins() {
        #expect(Tokenizer.words(in: "zo\u{2019}n auto\u{2019}s") == ["zo\u{2019}n", "auto\u{2019}s"])
    }

    @Test func emptyAndPunctuationOnly() {
        #expect(Tokenizer.wordCount("") == 0)
        #expect(Tokenizer.wordCount(" -- ... ?! ") == 0)
    }

    @Test func onePassCountsAgreeWithTheSpans() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab é-'’ .,\u{301}1🙂\n")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let counts = Tokenizer.counts(text)
            #expect(counts.words == Tokenizer.spans(in: text).count, "\(text.debugDescription)")
            #expect(counts.scalars == text.unicodeScalars.count)
        }
    }
}
