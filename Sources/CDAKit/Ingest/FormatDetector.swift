/// Chooses the reader for a file from its extension and, for XML, its root element; a `.txt`
/// that opens like a CHAT file is read as CHAT.
public enum FormatDetector {
    /// Extensions that `cda ingest` picks up when it walks a directory.
    public static let transcriptExtensions: Set<String> = ["txt", "xml", "tei", "vtt", "srt", "eaf", "trs", "cha"]

    /// The format of `source`.
    ///
    /// - Throws: `IngestError.unknownFormat` when neither the extension nor the root element tells.
    public static func format(of source: SourceFile) throws(IngestError) -> DocumentFormat {
        switch source.pathExtension {
        case "txt", "text": return opensLikeCHAT(source.bytes) ? .chat : .text
        case "cha": return .chat
        case "vtt": return .vtt
        case "srt": return .srt
        case "eaf": return .elan
        case "trs": return .transcriber
        case "xml", "tei":
            switch rootElement(of: source.bytes) {
            case "TEI", "teiCorpus": return .tei
            case "transcript": return .transcriptXML
            case let other?:
                throw .unknownFormat(source.location(), detail: "XML root element <\(other)> is not a transcript")
            case nil:
                throw .unknownFormat(source.location(), detail: "no XML root element found")
            }
        default:
            throw .unknownFormat(source.location(), detail: "extension '.\(source.pathExtension)'")
        }
    }

    /// The reader for `format`.
    public static func reader(for format: DocumentFormat) -> any TranscriptReader {
        switch format {
        case .text: PlainTextReader()
        case .tei: TEIReader()
        case .transcriptXML: TranscriptXMLReader()
        case .vtt, .srt: CaptionReader(format: format)
        case .elan: ELANReader()
        case .transcriber: TranscriberReader()
        case .chat: CHATReader()
        }
    }

    /// Whether the first line that is not blank and not `@Font:` is `@UTF8` or `@Begin`, as in
    /// every CHAT file; a UTF-8 byte order mark is skipped.
    static func opensLikeCHAT(_ bytes: [UInt8]) -> Bool {
        var rest = bytes.prefix(4096)
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        for line in rest.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            let text = String(decoding: line, as: UTF8.self)[...].trimmedSpaces
            if text.isEmpty || text.hasPrefix("@Font:") { continue }
            return text == "@UTF8" || text == "@Begin"
        }
        return false
    }

    /// The local name of the first element in the first 64 KiB, skipping the prolog and comments.
    static func rootElement(of bytes: [UInt8]) -> String? {
        let limit = min(bytes.count, 65_536)
        var index = 0
        while index < limit {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < limit else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                index += 2
                continue
            }
            var end = index + 1
            while end < limit, !isNameTerminator(bytes[end]) { end += 1 }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            return name.split(separator: ":").last.map(String.init) ?? name
        }
        return nil
    }

    private static func isNameTerminator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }
}
