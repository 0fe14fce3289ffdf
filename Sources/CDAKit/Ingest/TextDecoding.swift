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
    /// - Parameter encoding: The user's `--encoding`, or `nil` to detect.
    static func decode(_ source: SourceFile, encoding: TextEncoding?) throws(IngestError) -> Decoded {
        Decoded(text: try decode(source))
    }

    /// Decodes UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark.
    ///
    /// - Throws: `IngestError.emptyFile`, `.binaryContent` (NUL bytes) with the line,
    ///   `.lineTooLong` with the line, or `.invalidUTF8` with the line and byte column of the
    ///   first bad sequence.
    static func decode(_ source: SourceFile) throws(IngestError) -> String {
        try checkLineLengths(source)
        var bytes = source.bytes[...]
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(bytes, bigEndian: bytes.first == 0xFE, source: source)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .emptyFile(source.location())
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: source.bytes)
            throw .binaryContent(source.location(line: line, column: column))
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let bad = firstInvalidUTF8(in: source.bytes, from: bytes.startIndex)
        let (line, column) = position(of: bad, in: source.bytes)
        throw .invalidUTF8(source.location(line: line, column: column))
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, source: SourceFile) throws(IngestError) -> String {
        let body = bytes.dropFirst(2)
        guard body.count % 2 == 0 else { throw .invalidUTF8(source.location()) }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = body.startIndex
        while index < body.endIndex {
            let a = UInt16(body[index]), b = UInt16(body[index + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else { throw .invalidUTF8(source.location()) }
        if text.unicodeScalars.contains("\u{0}") { throw .binaryContent(source.location()) }
        if text.allSatisfy(\.isWhitespace) { throw .emptyFile(source.location()) }
        return text
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
