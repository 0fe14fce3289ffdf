extension TextDecoding {
    /// Decodes UTF-16 without its byte order mark, checking every code unit.
    ///
    /// Lines are counted at U+000A; columns are UTF-16 code units from the start of the line, 1-based.
    ///
    /// - Parameters:
    ///   - body: The bytes after any byte order mark.
    ///   - bigEndian: The byte order.
    ///   - encoding: The encoding named in errors.
    ///   - source: The file, for locations.
    /// - Throws: `IngestError.emptyFile` for blank text, `.binaryContent` for a NUL character and
    ///   `.invalidEncoding` for a lone surrogate or an odd last byte, each with the line and column.
    /// - Complexity: O(*n*) in the number of bytes.
    static func decodeUTF16(
        _ body: ArraySlice<UInt8>, bigEndian: Bool, encoding: TextEncoding, source: SourceFile
    ) throws(IngestError) -> String {
        let count = body.count / 2
        let units = [UInt16](unsafeUninitializedCapacity: count) { buffer, initialized in
            body.withUnsafeBufferPointer { bytes in
                for index in 0..<count {
                    let first = UInt16(bytes[2 * index])
                    let second = UInt16(bytes[2 * index + 1])
                    buffer[index] = bigEndian ? first << 8 | second : second << 8 | first
                }
            }
            initialized = count
        }
        if units.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .emptyFile(source.location())
        }
        var line = 1
        var lineStart = 0
        var index = 0
        while index < count {
            let unit = units[index]
            switch unit {
            case 0x0A:
                line += 1
                lineStart = index + 1
            case 0:
                throw .binaryContent(source.location(line: line, column: index - lineStart + 1))
            case 0xD800...0xDBFF:
                guard index + 1 < count, (0xDC00...0xDFFF).contains(units[index + 1]) else {
                    throw .invalidEncoding(source.location(line: line, column: index - lineStart + 1), encoding: encoding)
                }
                index += 1
            case 0xDC00...0xDFFF:
                throw .invalidEncoding(source.location(line: line, column: index - lineStart + 1), encoding: encoding)
            default:
                break
            }
            index += 1
        }
        if body.count % 2 != 0 {
            throw .invalidEncoding(source.location(line: line, column: count - lineStart + 1), encoding: encoding)
        }
        return String(decoding: units, as: UTF16.self)
    }
}
