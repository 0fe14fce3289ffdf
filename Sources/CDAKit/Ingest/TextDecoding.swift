import Foundation

/// Turns a text file's bytes into a `String`, with precise errors.
enum TextDecoding {
    /// The longest line accepted in a text file: 4 MiB.
    static let lineLimit = 4 << 20

    /// Text decoded from a file, with what the decoder decided on its own.
    struct Decoded {
        /// The file's text.
        var text: String
        /// Notices such as an encoding guessed because the file was not valid UTF-8.
        var notices: [ReadNotice] = []
    }

    /// Decodes `source` in the encoding the user named, or in the one its bytes show.
    ///
    /// With `encoding` given, the file is read in exactly that encoding: a UTF-8 byte order mark is
    /// skipped for `utf-8`; `utf-16` follows the byte order mark, else reads little-endian;
    /// `utf-16le` and `utf-16be` skip their own byte order mark (the other one is an error);
    /// `windows-1252` and `iso-8859-1` map each byte to one character, and a byte Windows-1252
    /// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) is an error, since it shows the file is in
    /// another encoding. Without `encoding`, the file is UTF-8 (a byte order mark is fine) or
    /// UTF-16 with a byte order mark; a file that is not valid UTF-8 is read as Windows-1252, with
    /// an `.encodingGuessed` notice at the first invalid byte. The guess never refuses a file: there
    /// the five undefined bytes become the C1 control characters of the same value, as browsers
    /// do (WHATWG Encoding Standard).
    ///
    /// - Parameters:
    ///   - source: The file.
    ///   - encoding: The user's `--encoding`, or `nil` to detect.
    /// - Returns: The text, with the notice of a guessed encoding.
    /// - Throws: `IngestError.emptyFile`; `.binaryContent` (NUL bytes) with the line and column;
    ///   `.lineTooLong` with the line; `.invalidUTF8` with the line and byte column of the first
    ///   bad sequence when the user named UTF-8; `.invalidEncoding` with the line and column when
    ///   the file is not valid in the UTF-16 or Windows-1252 the user named.
    /// - Complexity: O(*n*) in the number of bytes; single-byte encodings go through a lookup
    ///   table in two tight passes (measure, then fill), never building the text per character.
    static func decode(_ source: SourceFile, encoding: TextEncoding?) throws(IngestError) -> Decoded {
        try checkLineLengths(source)
        let bytes = source.bytes[...]
        guard let encoding else { return try detect(bytes, source: source) }
        switch encoding {
        case .utf8:
            return Decoded(text: try decodeUTF8(droppingUTF8ByteOrderMark(bytes), source: source))
        case .utf16:
            let order = utf16ByteOrder(of: bytes)
            let body = order == nil ? bytes : bytes.dropFirst(2)
            return Decoded(text: try decodeUTF16(body, bigEndian: order ?? false, encoding: .utf16, source: source))
        case .utf16LE, .utf16BE:
            let bigEndian = encoding == .utf16BE
            let order = utf16ByteOrder(of: bytes)
            if let order, order != bigEndian { throw .invalidEncoding(source.location(line: 1, column: 1), encoding: encoding) }
            let body = order == nil ? bytes : bytes.dropFirst(2)
            return Decoded(text: try decodeUTF16(body, bigEndian: bigEndian, encoding: encoding, source: source))
        case .windows1252, .latin1:
            try checkEightBit(bytes, source: source)
            return Decoded(text: try decodeSingleByte(bytes, encoding: encoding, rejectUndefined: true, source: source))
        }
    }

    /// Decodes UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark.
    ///
    /// - Throws: `IngestError.emptyFile`, `.binaryContent` (NUL bytes) with the line,
    ///   `.lineTooLong` with the line, `.invalidUTF8` with the line and byte column of the
    ///   first bad sequence, or `.invalidEncoding` for UTF-16 that is not valid.
    static func decode(_ source: SourceFile) throws(IngestError) -> String {
        try checkLineLengths(source)
        let bytes = source.bytes[...]
        if let bigEndian = utf16ByteOrder(of: bytes) {
            return try decodeUTF16(bytes.dropFirst(2), bigEndian: bigEndian, encoding: .utf16, source: source)
        }
        return try decodeUTF8(droppingUTF8ByteOrderMark(bytes), source: source)
    }

    /// UTF-8, UTF-16 by its byte order mark, or Windows-1252 with a notice when the bytes are not UTF-8.
    private static func detect(_ bytes: ArraySlice<UInt8>, source: SourceFile) throws(IngestError) -> Decoded {
        if let bigEndian = utf16ByteOrder(of: bytes) {
            return Decoded(text: try decodeUTF16(bytes.dropFirst(2), bigEndian: bigEndian, encoding: .utf16, source: source))
        }
        let body = droppingUTF8ByteOrderMark(bytes)
        try checkEightBit(body, source: source)
        if let text = String(validating: body, as: UTF8.self) { return Decoded(text: text) }
        let (line, column) = position(of: firstInvalidUTF8(in: source.bytes, from: body.startIndex), in: source.bytes)
        let names = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
        let notice = ReadNotice(
            .encodingGuessed, at: source.location(line: line, column: column),
            "the file is not valid UTF-8 (this is its first byte that is not), so it was read as Windows-1252. "
                + "If the characters look wrong, name the file's encoding with --encoding NAME (\(names)), or save it as UTF-8.")
        let text = try decodeSingleByte(body, encoding: .windows1252, rejectUndefined: false, source: source)
        return Decoded(text: text, notices: [notice])
    }

    /// Decodes UTF-8 without its byte order mark, refusing empty and binary files.
    private static func decodeUTF8(_ body: ArraySlice<UInt8>, source: SourceFile) throws(IngestError) -> String {
        try checkEightBit(body, source: source)
        if let text = String(validating: body, as: UTF8.self) { return text }
        let (line, column) = position(of: firstInvalidUTF8(in: source.bytes, from: body.startIndex), in: source.bytes)
        throw .invalidUTF8(source.location(line: line, column: column))
    }

    /// `true` for a big-endian UTF-16 byte order mark, `false` for a little-endian one, `nil` for none.
    private static func utf16ByteOrder(of bytes: ArraySlice<UInt8>) -> Bool? {
        if bytes.starts(with: [0xFF, 0xFE]) { return false }
        if bytes.starts(with: [0xFE, 0xFF]) { return true }
        return nil
    }

    private static func droppingUTF8ByteOrderMark(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
    }

    /// Refuses a blank file and one with NUL bytes, in an encoding with one byte per ASCII character.
    private static func checkEightBit(_ body: ArraySlice<UInt8>, source: SourceFile) throws(IngestError) {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .emptyFile(source.location())
        }
        if let nul = body.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: source.bytes)
            throw .binaryContent(source.location(line: line, column: column))
        }
    }

    /// Refuses files with a line longer than `lineLimit` bytes, before any decoding.
    private static func checkLineLengths(_ source: SourceFile) throws(IngestError) {
        let tooLongAt: Int? = source.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var line = 1
            var start = 0
            while start < buffer.count {
                let remaining = buffer.count - start
                let found = memchr(base + start, 0x0A, remaining)
                let end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? buffer.count
                if end - start > lineLimit { return line }
                line += 1
                start = end + 1
            }
            return nil
        }
        if let line = tooLongAt { throw .lineTooLong(source.location(line: line), limit: lineLimit) }
    }

    /// Splits text into lines at LF, CRLF or CR, without the line breaks.
    ///
    /// Swift treats CRLF as one `Character`, so splitting at `"\n"` alone would miss it.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(text[start..<index])
                let next = bytes.index(after: index)
                index = byte == 0x0D && next < bytes.endIndex && bytes[next] == 0x0A ? bytes.index(after: next) : next
                start = index
            } else {
                index = bytes.index(after: index)
            }
        }
        lines.append(text[start..<bytes.endIndex])
        return lines
    }

    /// The 1-based line and byte column of `offset`.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// The offset of the first byte that starts an invalid UTF-8 sequence.
    static func firstInvalidUTF8(in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            if index + length > bytes.count { return index }
            for continuation in 1..<max(length, 1) where bytes[index + continuation] & 0xC0 != 0x80 {
                return index
            }
            if length == 3 {
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) { return index }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { return index }
            }
            index += length
        }
        return bytes.count
    }
}
