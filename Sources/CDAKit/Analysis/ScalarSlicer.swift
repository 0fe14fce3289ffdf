/// Slices one utterance's text by Unicode scalar offsets. ASCII text is sliced on its UTF-8 bytes;
/// other text is decoded into scalars once, and only when a slice is asked for.
struct ScalarSlicer {
    private var text = ""
    private var isASCII: Bool?
    private var scalars: [Unicode.Scalar]?

    /// Starts on another text.
    mutating func reset(_ text: String) {
        self.text = text
        isASCII = nil
        scalars = nil
    }

    /// The text between two scalar offsets, clamped to the text.
    mutating func slice(_ range: Range<Int>) -> String {
        let ascii = isASCII ?? text.utf8.allSatisfy { $0 < 0x80 }
        isASCII = ascii
        if ascii,
            let slice = text.utf8.withContiguousStorageIfAvailable({ String(decoding: $0[Self.clamped(range, $0.count)], as: UTF8.self) })
        {
            return slice
        }
        let all = scalars ?? Array(text.unicodeScalars)
        scalars = all
        var view = String.UnicodeScalarView()
        view.append(contentsOf: all[Self.clamped(range, all.count)])
        return String(view)
    }

    private static func clamped(_ range: Range<Int>, _ count: Int) -> Range<Int> {
        let lower = min(max(0, range.lowerBound), count)
        return lower..<min(max(range.upperBound, lower), count)
    }
}
