/// Slices one utterance's text by Unicode scalar offsets, on its UTF-8 bytes.
///
/// A scalar offset is found by counting the bytes that start a scalar; the count goes on from the
/// last offset asked for, so the slices of one text asked in order (a concordance line's left
/// context, keyword and right context; autocode's hits) walk the text once. Nothing is decoded but
/// the slices returned.
struct ScalarSlicer {
    private var text = ""
    /// The last scalar offset found and its byte offset.
    private var cursor = (scalar: 0, byte: 0)

    /// Starts on another text.
    mutating func reset(_ text: String) {
        self.text = text
        cursor = (0, 0)
    }

    /// The text between two scalar offsets, clamped to the text.
    mutating func slice(_ range: Range<Int>) -> String {
        var text = self.text
        var cursor = self.cursor
        let slice = text.withUTF8 { bytes in
            let lower = Self.byteOffset(ofScalar: range.lowerBound, in: bytes, from: &cursor)
            let upper = Self.byteOffset(ofScalar: Swift.max(range.upperBound, range.lowerBound), in: bytes, from: &cursor)
            return String(decoding: bytes[lower..<upper], as: UTF8.self)
        }
        self.cursor = cursor
        return slice
    }

    /// The byte offset where scalar `target` starts (the end of the text past its last scalar),
    /// counted on from `cursor` when the target lies at or after it, and `cursor` moved there.
    private static func byteOffset(ofScalar target: Int, in bytes: UnsafeBufferPointer<UInt8>, from cursor: inout (scalar: Int, byte: Int))
        -> Int
    {
        guard target > 0 else { return 0 }
        if target < cursor.scalar { cursor = (0, 0) }
        var (scalar, byte) = cursor
        while scalar < target && byte < bytes.count {
            byte += 1
            // Continuation bytes (10xxxxxx) belong to the scalar just passed.
            while byte < bytes.count && bytes[byte] & 0xC0 == 0x80 { byte += 1 }
            scalar += 1
        }
        cursor = (scalar, byte)
        return byte
    }
}
