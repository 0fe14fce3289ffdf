extension TextDecoding {
    /// The UTF-8 form of every byte value in one single-byte encoding.
    struct ByteTable: Sendable {
        /// The UTF-8 bytes of each byte value's character, packed low byte first.
        let utf8: [UInt32]
        /// How many UTF-8 bytes each byte value's character takes (1 to 3).
        let length: [Int]
        /// 1 for the byte values the encoding leaves undefined, else 0.
        let undefined: [UInt8]

        /// Builds a table from the characters of 0x80–0x9F (0xA0–0xFF are Latin-1 in both
        /// encodings read here, and 0x00–0x7F are ASCII).
        init(c1: [UInt32], undefined undefinedBytes: Set<UInt8>) {
            precondition(c1.count == 32)
            var utf8 = [UInt32](repeating: 0, count: 256)
            var length = [Int](repeating: 1, count: 256)
            for byte in 0..<256 {
                let scalar = (0x80..<0xA0).contains(byte) ? c1[byte - 0x80] : UInt32(byte)
                var packed: UInt32 = 0
                var count = 0
                for unit in UTF8.encode(Unicode.Scalar(scalar)!)! {
                    packed |= UInt32(unit) << (8 * count)
                    count += 1
                }
                utf8[byte] = packed
                length[byte] = count
            }
            self.utf8 = utf8
            self.length = length
            self.undefined = (0..<256).map { undefinedBytes.contains(UInt8($0)) ? 1 : 0 }
        }

        /// Windows-1252: 27 typographic characters in 0x80–0x9F; the five bytes it leaves
        /// undefined map to the C1 controls of the same value (as the WHATWG Encoding Standard does).
        static let windows1252 = ByteTable(
            c1: [
                0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
            ],
            undefined: [0x81, 0x8D, 0x8F, 0x90, 0x9D])

        /// ISO-8859-1: every byte is the character of the same value.
        static let latin1 = ByteTable(c1: (0x80..<0xA0).map { UInt32($0) }, undefined: [])
    }

    /// Decodes a single-byte encoding through its lookup table.
    ///
    /// - Parameters:
    ///   - bytes: The bytes, a slice of `source.bytes`.
    ///   - encoding: `.windows1252` or `.latin1`.
    ///   - rejectUndefined: Whether a byte the encoding leaves undefined is an error (the user
    ///     named the encoding) or a C1 control character (the encoding was guessed).
    ///   - source: The file, for locations.
    /// - Throws: `IngestError.invalidEncoding` with the line and column of the first undefined byte.
    /// - Complexity: O(*n*): one pass measures the UTF-8 length and looks for undefined bytes, one
    ///   fills the string's storage (about 0.7 s for 200 MB in a release build).
    static func decodeSingleByte(
        _ bytes: ArraySlice<UInt8>, encoding: TextEncoding, rejectUndefined: Bool, source: SourceFile
    ) throws(IngestError) -> String {
        precondition(encoding == .windows1252 || encoding == .latin1, "not a single-byte encoding")
        let table = encoding == .windows1252 ? ByteTable.windows1252 : ByteTable.latin1
        let (utf8Count, hasUndefined) = bytes.withUnsafeBufferPointer { input in
            table.length.withUnsafeBufferPointer { length in
                table.undefined.withUnsafeBufferPointer { undefined in
                    var total = 0
                    var found: UInt8 = 0
                    for byte in input {
                        total &+= length[Int(byte)]
                        found |= undefined[Int(byte)]
                    }
                    return (total, found != 0)
                }
            }
        }
        if rejectUndefined, hasUndefined, let bad = bytes.firstIndex(where: { table.undefined[Int($0)] != 0 }) {
            let (line, column) = position(of: bad, in: source.bytes)
            throw .invalidEncoding(source.location(line: line, column: column), encoding: encoding)
        }
        if utf8Count == bytes.count { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: utf8Count) { output in
            bytes.withUnsafeBufferPointer { input in
                table.utf8.withUnsafeBufferPointer { utf8 in
                    table.length.withUnsafeBufferPointer { length in
                        var written = 0
                        for byte in input {
                            if byte < 0x80 {
                                output[written] = byte
                                written += 1
                            } else {
                                // Every byte from 0x80 up is a character of two or three UTF-8 bytes.
                                let packed = utf8[Int(byte)]
                                output[written] = UInt8(truncatingIfNeeded: packed)
                                output[written + 1] = UInt8(truncatingIfNeeded: packed >> 8)
                                if length[Int(byte)] == 3 { output[written + 2] = UInt8(truncatingIfNeeded: packed >> 16) }
                                written += length[Int(byte)]
                            }
                        }
                        return written
                    }
                }
            }
        }
    }
}
