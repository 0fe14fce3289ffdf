import Testing

@testable import CDAKit

@Suite struct PlainTextLayoutTests {
    @Test func exportLinesAndPositions() {
        let layout = PlainTextLayout(utterances: [("P01", "één 👍🏽 loket"), (nil, "zonder spreker"), ("M", "a\r\nb")])
        #expect(layout.text == "P01: één 👍🏽 loket\nzonder spreker\nM: a  b\n")
        #expect(layout.lines.map(\.textStart) == [5, 18, 36])
        #expect(layout.replacedLineBreaks == 2)
        let fragment = Fragment(documentID: "d", startUtterance: 1, startOffset: 4, endUtterance: 2, endOffset: 6)
        let range = layout.positions(of: fragment)
        #expect(range == 9..<24)
        #expect(layout.fragment(document: "d", start: range.lowerBound, end: range.upperBound)?.fragment == fragment)
        #expect(layout.positions(of: Fragment(documentID: "d", startUtterance: 3)) == 36..<40)
    }

    @Test func importCountsCRLFAsTwoPositionsAndTrims() {
        let text = "P01: Ja.\r\n\r\n  Los  \rP01: Nee\n"
        let layout = PlainTextLayout(parsing: text, knownLabels: ["P01"], guessLabels: false)
        #expect(layout.lines.map(\.label) == ["P01", nil, "P01"])
        #expect(layout.lines.map(\.text) == ["Ja.", "Los", "Nee"])
        #expect(layout.lines.map(\.textStart) == [5, 14, 25])
        // From inside the first label to inside the blank lines: trimmed to "Ja.".
        let first = layout.fragment(document: "d", start: 2, end: 11)
        #expect(first?.fragment == Fragment(documentID: "d", startUtterance: 1, startOffset: 0, endUtterance: 1, endOffset: 3))
        #expect(first?.trimmed == true)
        #expect(layout.fragment(document: "d", start: 8, end: 12) == nil)
        #expect(
            layout.fragment(document: "d", start: 15, end: 27)?.fragment
                == Fragment(documentID: "d", startUtterance: 2, startOffset: 1, endUtterance: 3, endOffset: 2))
    }

    @Test func labelsAreGuessedOnlyForOtherTools() {
        let text = "Opmerking: eerste\nS1: hallo\n10:00 is vroeg\nOpmerking: tweede\n"
        let strict = PlainTextLayout(parsing: text, knownLabels: [], guessLabels: false)
        #expect(strict.lines.map(\.label) == [nil, nil, nil, nil])
        #expect(strict.lines.map(\.text)[2] == "10:00 is vroeg")
        let guessed = PlainTextLayout(parsing: text, knownLabels: [], guessLabels: true)
        #expect(guessed.lines.map(\.label) == ["Opmerking", "S1", nil, "Opmerking"])
        #expect(guessed.lines.map(\.text) == ["eerste", "hallo", "is vroeg", "tweede"])
        #expect(guessed.lines[2].time == 600)
    }

    @Test func xmlEscapingKeepsLineBreaksAndDropsWhatXMLCannotCarry() {
        #expect(XMLWriter.escape("a\r\nb & <c> \"d\"\u{1}", inAttribute: false) == "a&#13;\nb &amp; &lt;c&gt; \"d\"\u{FFFD}")
        #expect(XMLWriter.escape("a\r\n\tb \"q\"", inAttribute: true) == "a&#13;&#10;&#9;b &quot;q&quot;")
    }
}
