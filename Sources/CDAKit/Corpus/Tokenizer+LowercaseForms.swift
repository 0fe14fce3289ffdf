extension Tokenizer {
    /// Calls `body` with each word's span and its lowercase form as UTF-8 bytes, in order, without
    /// making a `String` per word.
    ///
    /// The words and spans are those of `forEachSpan`. The form lowercases each scalar by its
    /// Unicode lowercase mapping and keeps an inner joiner as written. The bytes are valid only
    /// during the call.
    ///
    /// - Returns: The number of Unicode scalars in `text`.
    /// - Complexity: O(*n*) in the UTF-8 length of `text`; ASCII is handled on bytes.
    @discardableResult
    public static func forEachLowercaseWord(in text: String, _ body: (Span, UnsafeBufferPointer<UInt8>) -> Void) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var form: [UInt8] = []
            form.reserveCapacity(64)
            var start = -1
            var joiner = 0..<0  // a joiner seen inside a word, kept until the next scalar decides
            var offset = 0
            var index = 0
            func finish(at end: Int) {
                form.withUnsafeBufferPointer { body(Span(start: start, end: end), $0) }
                form.removeAll(keepingCapacity: true)
                joiner = 0..<0
                start = -1
            }
            while index < bytes.count {
                let lead = bytes[index]
                let width: Int
                let value: UInt32
                let isWord: Bool
                if lead < 0x80 {
                    width = 1
                    value = UInt32(lead)
                    isWord = (lead >= 0x61 && lead <= 0x7A) || (lead >= 0x41 && lead <= 0x5A) || (lead >= 0x30 && lead <= 0x39)
                    if isWord {
                        if start < 0 { start = offset }
                        if !joiner.isEmpty {
                            form.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[joiner]))
                            joiner = 0..<0
                        }
                        form.append(lead >= 0x41 && lead <= 0x5A ? lead + 0x20 : lead)
                    }
                } else {
                    (value, width) = decodeScalar(bytes, at: index)
                    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                    isWord = isWordScalar(scalar)
                    if isWord {
                        if start < 0 { start = offset }
                        if !joiner.isEmpty {
                            form.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[joiner]))
                            joiner = 0..<0
                        }
                        form.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                    }
                }
                if !isWord && start >= 0 {
                    if joiner.isEmpty, let scalar = Unicode.Scalar(value), isJoiner(scalar) {
                        joiner = index..<(index + width)
                    } else {
                        finish(at: joiner.isEmpty ? offset : offset - 1)
                    }
                }
                index += width
                offset += 1
            }
            if start >= 0 { finish(at: joiner.isEmpty ? offset : offset - 1) }
            return offset
        }
    }

    /// The scalar value and byte width of the multi-byte UTF-8 sequence at `index` (valid UTF-8).
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        if lead < 0xE0 { return (((lead & 0x1F) << 6) | continuation(1), 2) }
        if lead < 0xF0 { return (((lead & 0x0F) << 12) | (continuation(1) << 6) | continuation(2), 3) }
        return (((lead & 0x07) << 18) | (continuation(1) << 12) | (continuation(2) << 6) | continuation(3), 4)
    }
}
