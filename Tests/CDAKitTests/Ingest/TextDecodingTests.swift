import Testing

@testable import CDAKit

@Suite struct TextDecodingTests {
    private func decode(_ bytes: [UInt8], _ encoding: TextEncoding? = nil, path: String = "t.srt") throws -> TextDecoding.Decoded {
        try TextDecoding.decode(SourceFile(path: path, bytes: bytes), encoding: encoding)
    }

    /// Windows-1252's 0x80–0x9F, written out by hand from the code page chart; `nil` for the five
    /// bytes it leaves undefined.
    private static let windows1252C1: [Character?] = [
        "€", nil, "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", nil, "Ž", nil,
        nil, "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", nil, "ž", "Ÿ",
    ]

    /// A naive reference: one character at a time, from the hand-written chart above.
    private func referenceWindows1252(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            if (0x80..<0xA0).contains(byte), let character = Self.windows1252C1[Int(byte) - 0x80] {
                text.append(character)
            } else {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return text
    }

    @Test func windows1252MatchesTheChartForEveryByte() throws {
        let bytes = (UInt8(1)...UInt8(255)).filter { ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
        let decoded = try decode(bytes, .windows1252)
        #expect(decoded.text == referenceWindows1252(bytes))
        #expect(decoded.notices.isEmpty)
        let c1 = try decode(Array(0x80...0x9F).filter { ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }, .windows1252)
        #expect(c1.text == "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
    }

    @Test func windows1252MatchesTheNaiveReferenceOnMixedText() throws {
        // A fixed pseudo-random mix of ASCII and high bytes (a linear congruential generator).
        var state: UInt32 = 12_345
        var bytes: [UInt8] = []
        for _ in 0..<20_000 {
            state = state &* 1_103_515_245 &+ 12_345
            let byte = UInt8(truncatingIfNeeded: state >> 16)
            bytes.append(byte == 0 || [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(byte) ? 0x41 : byte)
        }
        #expect(try decode(bytes, .windows1252).text == referenceWindows1252(bytes))
    }

    @Test func latin1MapsEveryByteToTheSameCodePoint() throws {
        let bytes = Array(UInt8(1)...UInt8(255))
        let text = try decode(bytes, .latin1).text
        #expect(text.unicodeScalars.map(\.value) == bytes.map(UInt32.init))
    }

    @Test func undefinedWindows1252ByteIsAnErrorWhenNamed() {
        let bytes = Array("1\nab\nc".utf8) + [0x90] + Array("d\n".utf8)
        #expect(throws: IngestError.invalidEncoding(SourceLocation(file: "t.srt", line: 3, column: 2), encoding: .windows1252)) {
            try decode(bytes, .windows1252)
        }
    }

    @Test func undefinedWindows1252ByteIsAControlCharacterWhenGuessed() throws {
        let decoded = try decode(Array("caf".utf8) + [0xE9, 0x20, 0x90, 0x81])
        #expect(decoded.text.unicodeScalars.map(\.value) == [0x63, 0x61, 0x66, 0xE9, 0x20, 0x90, 0x81])
        #expect(decoded.notices.map(\.kind) == [.encodingGuessed])
    }

    @Test func validUTF8IsReadWithoutNotice() throws {
        let decoded = try decode([0xEF, 0xBB, 0xBF] + Array("één € 😀\r\n".utf8))
        #expect(decoded.text == "één € 😀\r\n")
        #expect(decoded.notices.isEmpty)
    }

    @Test func invalidUTF8IsReadAsWindows1252WithANoticeAtTheFirstBadByte() throws {
        let bytes = Array("ok\nLe caf".utf8) + [0xE9, 0x20, 0x80] + Array("\n".utf8)
        let decoded = try decode(bytes)
        #expect(decoded.text == "ok\nLe café €\n")
        #expect(
            decoded.notices == [
                ReadNotice(
                    .encodingGuessed, at: SourceLocation(file: "t.srt", line: 2, column: 7),
                    "the file is not valid UTF-8 (this is its first byte that is not), so it was read as Windows-1252. "
                        + "If the characters look wrong, name the file's encoding with --encoding NAME "
                        + "(utf-8, utf-16, utf-16le, utf-16be, windows-1252, iso-8859-1), or save it as UTF-8.")
            ])
    }

    @Test func namedUTF8MustBeValid() {
        let bytes = Array("ok\nLe caf".utf8) + [0xE9] + Array("\n".utf8)
        #expect(throws: IngestError.invalidUTF8(SourceLocation(file: "t.srt", line: 2, column: 7))) { try decode(bytes, .utf8) }
        #expect(throws: IngestError.invalidUTF8(SourceLocation(file: "t.srt", line: 2, column: 7))) {
            try TextDecoding.decode(SourceFile(path: "t.srt", bytes: bytes))
        }
    }

    @Test func utf16WithoutByteOrderMarkNeedsItsEncodingNamed() throws {
        let text = "Één\nzin 😀\n"
        let little = text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] }
        let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8(truncatingIfNeeded: $0)] }
        #expect(try decode(little, .utf16LE).text == text)
        #expect(try decode(little, .utf16).text == text)
        #expect(try decode(big, .utf16BE).text == text)
        #expect(try decode([0xFE, 0xFF] + big, .utf16).text == text)
        #expect(try decode([0xFF, 0xFE] + little, .utf16LE).text == text)
        #expect(try decode([0xFE, 0xFF] + big).text == text)
        #expect(throws: IngestError.binaryContent(SourceLocation(file: "t.srt", line: 1, column: 2))) { try decode(little) }
        #expect(throws: IngestError.invalidEncoding(SourceLocation(file: "t.srt", line: 1, column: 1), encoding: .utf16LE)) {
            try decode([0xFE, 0xFF] + big, .utf16LE)
        }
    }

    @Test func brokenUTF16NamesLineAndColumn() {
        // "a\nb" then a lone high surrogate, little-endian.
        let lone: [UInt8] = [0x61, 0, 0x0A, 0, 0x62, 0, 0x00, 0xD8, 0x63, 0]
        #expect(throws: IngestError.invalidEncoding(SourceLocation(file: "t.srt", line: 2, column: 2), encoding: .utf16LE)) {
            try decode(lone, .utf16LE)
        }
        let odd: [UInt8] = [0x61, 0, 0x0A, 0, 0x62]
        #expect(throws: IngestError.invalidEncoding(SourceLocation(file: "t.srt", line: 2, column: 1), encoding: .utf16LE)) {
            try decode(odd, .utf16LE)
        }
    }

    @Test(arguments: [TextEncoding?.none, .utf8, .windows1252, .latin1])
    func emptyAndBinaryFilesAreRefusedInEveryEightBitEncoding(encoding: TextEncoding?) {
        #expect(throws: IngestError.emptyFile(SourceLocation(file: "t.srt"))) { try decode(Array(" \r\n\t\n".utf8), encoding) }
        #expect(throws: IngestError.binaryContent(SourceLocation(file: "t.srt", line: 2, column: 3))) {
            try decode(Array("ab\ncd".utf8) + [0] + Array("e".utf8), encoding)
        }
    }

    @Test func tooLongLineIsRefusedBeforeDecoding() {
        let bytes = Array("ok\n".utf8) + [UInt8](repeating: 0xE9, count: TextDecoding.lineLimit + 1)
        #expect(throws: IngestError.lineTooLong(SourceLocation(file: "t.srt", line: 2), limit: TextDecoding.lineLimit)) {
            try decode(bytes, .windows1252)
        }
    }

    @Test func encodingNamesAndAliases() {
        #expect(TextEncoding(name: "UTF8") == .utf8)
        #expect(TextEncoding(name: "cp1252") == .windows1252)
        #expect(TextEncoding(name: "Latin-1") == .latin1)
        #expect(TextEncoding(name: "UTF-16LE") == .utf16LE)
        #expect(TextEncoding(name: "windows-1251") == nil)
    }
}
