import Testing

@testable import CDAKit

/// Slicing by Unicode scalar offsets on UTF-8 bytes, against slicing the decoded scalars.
@Suite struct ScalarSlicerTests {
    /// The reference: decode every scalar, clamp, slice.
    private func reference(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        let lower = min(max(0, range.lowerBound), scalars.count)
        let upper = min(max(range.upperBound, lower), scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }

    @Test(arguments: [
        "", "plain ascii text", "Naïef of niet, één loket", "e\u{301}en combining accent", "日本語のテキスト", "emoji 👩‍👩‍👧 family 🇳🇱 flag",
    ])
    func slicesMatchTheDecodedScalars(text: String) {
        let count = text.unicodeScalars.count
        var slicer = ScalarSlicer()
        slicer.reset(text)
        // In order (as a concordance line asks), backwards, and out of bounds on both sides.
        var ranges: [Range<Int>] = []
        for start in -2...(count + 2) {
            for length in [0, 1, 3, count + 5] { ranges.append(start..<(start + length)) }
        }
        for range in ranges + ranges.reversed() {
            #expect(slicer.slice(range) == reference(text, range), "\(range) of '\(text)'")
        }
    }

    @Test func resetStartsOnTheNewText() {
        var slicer = ScalarSlicer()
        slicer.reset("één twee drie")
        #expect(slicer.slice(4..<8) == "twee")
        slicer.reset("ab")
        #expect(slicer.slice(0..<1) == "a")
        #expect(slicer.slice(1..<9) == "b")
    }
}
