/// The stored form of a document's tokens: one blob per document, so that storing a transcript
/// writes one index row, not one per utterance.
///
/// A format byte; the number of utterances; each utterance's byte length; then per utterance, per
/// token, three unsigned LEB128 numbers — the word id, the gap from the previous word's end to
/// this word's start, and the length. A typical Dutch word takes four bytes.
public enum TokenBlob {
    /// The format byte this version writes and reads.
    static let format: UInt8 = 2

    /// A blob that cannot be read: unknown format, a number cut off, or lengths that do not add up.
    public struct Malformed: Error, Sendable, Hashable {}

    /// Encodes the tokens of each utterance, in order.
    ///
    /// - Complexity: O(*n*) in the number of tokens.
    public static func encode(_ utterances: [[IndexedToken]]) -> [UInt8] {
        var ends: [Int] = []
        ends.reserveCapacity(utterances.count)
        var total = 0
        for tokens in utterances {
            total += tokens.count
            ends.append(total)
        }
        return encode(Array(utterances.joined()), utteranceEnds: ends)
    }

    /// Encodes tokens given utterance after utterance: utterance `i` ends just before
    /// `tokens[utteranceEnds[i]]`.
    ///
    /// - Complexity: O(*n*) in the number of tokens.
    public static func encode(_ tokens: [IndexedToken], utteranceEnds: [Int]) -> [UInt8] {
        var sections: [UInt8] = []
        sections.reserveCapacity(tokens.count * 4)
        var lengths: [Int] = []
        lengths.reserveCapacity(utteranceEnds.count)
        var first = 0
        for end in utteranceEnds {
            let before = sections.count
            var previousEnd: Int32 = 0
            for token in tokens[first..<end] {
                append(UInt32(bitPattern: token.word), to: &sections)
                append(UInt32(bitPattern: token.start &- previousEnd), to: &sections)
                append(UInt32(bitPattern: token.length), to: &sections)
                previousEnd = token.start &+ token.length
            }
            lengths.append(sections.count - before)
            first = end
        }
        var bytes: [UInt8] = [format]
        bytes.reserveCapacity(sections.count + 3 * lengths.count + 6)
        append(UInt32(lengths.count), to: &bytes)
        for length in lengths { append(UInt32(length), to: &bytes) }
        bytes.append(contentsOf: sections)
        return bytes
    }

    /// A document's blob, read: where each utterance's tokens are.
    public struct Document: Sendable {
        private let bytes: [UInt8]
        /// Per utterance, its byte range in `bytes`.
        private let sections: [Range<Int>]

        /// The number of utterances.
        public var count: Int { sections.count }

        /// Reads the header of a blob.
        ///
        /// - Throws: `Malformed` for an unknown format or lengths that do not add up.
        public init(_ bytes: [UInt8]) throws(Malformed) {
            guard bytes.first == format else { throw Malformed() }
            var index = 1
            let count = Int(try TokenBlob.number(bytes, &index))
            guard count <= bytes.count else { throw Malformed() }
            var lengths: [Int] = []
            lengths.reserveCapacity(count)
            for _ in 0..<count { lengths.append(Int(try TokenBlob.number(bytes, &index))) }
            var sections: [Range<Int>] = []
            sections.reserveCapacity(count)
            for length in lengths {
                guard length <= bytes.count - index else { throw Malformed() }
                sections.append(index..<(index + length))
                index += length
            }
            guard index == bytes.count else { throw Malformed() }
            self.bytes = bytes
            self.sections = sections
        }

        /// Decodes the tokens of utterance `position` (0-based), replacing the contents of `tokens`
        /// (so one array can serve many utterances).
        ///
        /// - Throws: `Malformed` for a truncated number.
        public func tokens(ofUtterance position: Int, into tokens: inout [IndexedToken]) throws(Malformed) {
            tokens.removeAll(keepingCapacity: true)
            var index = sections[position].lowerBound
            let end = sections[position].upperBound
            var previousEnd: Int32 = 0
            while index < end {
                let word = try TokenBlob.number(bytes, &index)
                let gap = try TokenBlob.number(bytes, &index)
                let length = try TokenBlob.number(bytes, &index)
                guard index <= end else { throw Malformed() }
                let start = previousEnd &+ Int32(bitPattern: gap)
                tokens.append(IndexedToken(word: Int32(bitPattern: word), start: start, length: Int32(bitPattern: length)))
                previousEnd = start &+ Int32(bitPattern: length)
            }
        }

        /// The tokens of utterance `position` (0-based), in a new array.
        public func tokens(ofUtterance position: Int) throws(Malformed) -> [IndexedToken] {
            var tokens: [IndexedToken] = []
            try self.tokens(ofUtterance: position, into: &tokens)
            return tokens
        }
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static func number(_ bytes: [UInt8], _ index: inout Int) throws(Malformed) -> UInt32 {
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard shift < 32 else { throw Malformed() }
            value |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw Malformed()
    }
}
