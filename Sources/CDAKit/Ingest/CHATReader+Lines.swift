extension CHATReader {
    /// One CHAT line with its continuation lines: a header, a main tier or a dependent tier.
    struct Line {
        /// What the line is.
        enum Kind: Hashable {
            /// `@Name:` or `@Name`, with the name (`Participants`, `Bg`, `Birth of CHI`).
            case header(String)
            /// `*CODE:`, with the speaker code.
            case mainTier(String)
            /// `%name:`, with the tier's name (`com`, `mor`, `xsid`).
            case dependentTier(String)
        }

        /// One physical line's share of the content.
        struct Part {
            /// The 1-based line number.
            var number: Int
            /// The whole physical line, to count columns from.
            var line: Substring
            /// Its content: what follows the tag on the first line, the tab on a continuation line.
            var content: Substring
        }

        /// What the line is.
        var kind: Kind
        /// The first line and its continuation lines, in order.
        var parts: [Part]

        /// The 1-based number of the first line.
        var number: Int { parts[0].number }

        /// The content of all its lines, runs of white space collapsed to one space and trimmed.
        var joinedContent: String {
            XMLStreamReader.collapseWhitespace(parts.map { String($0.content) }.joined(separator: " "))
        }

        /// Groups a file's lines into CHAT lines, keeping only those between `@Begin` and `@End`.
        ///
        /// Blank lines are skipped. A line that starts with a tab continues the line above; so does,
        /// with a notice, a line that starts with anything but `@`, `*`, `%` or a tab.
        ///
        /// - Parameters:
        ///   - lines: The file's lines, without line breaks.
        ///   - notices: Receives a notice for lines after `@End` and for continuation lines without a tab.
        static func group(_ lines: [Substring], source: SourceFile, notices: inout [ReadNotice]) -> [Line] {
            let begin = lines.firstIndex { $0.trimmedSpaces == "@Begin" }
            let start = begin.map { $0 + 1 } ?? 0
            let end = lines[start...].firstIndex { $0.trimmedSpaces == "@End" } ?? lines.count
            if end < lines.count, let extra = lines[(end + 1)...].firstIndex(where: { !$0.trimmedSpaces.isEmpty }) {
                notices.append(ReadNotice(.other, at: source.location(line: extra + 1), "the lines after @End are left out"))
            }
            var grouped: [Line] = []
            for index in start..<end {
                let text = lines[index]
                let number = index + 1
                if text.trimmedSpaces.isEmpty { continue }
                if case (let kind, let content)? = tag(of: text) {
                    grouped.append(Line(kind: kind, parts: [Part(number: number, line: text, content: content)]))
                    continue
                }
                guard !grouped.isEmpty else { continue }
                if !text.startsWith(ascii: 0x09) {
                    notices.append(
                        ReadNotice(
                            .other, at: source.location(line: number, column: 1),
                            "a line that starts with neither @, *, % nor a tab is read as a continuation of the line above"))
                }
                grouped[grouped.count - 1].parts.append(Part(number: number, line: text, content: text))
            }
            return grouped
        }

        /// The kind of a line that starts with `@`, `*` or `%`, and the content after its tag.
        private static func tag(of text: Substring) -> (Kind, Substring)? {
            guard let first = text.utf8.first, first == 0x40 || first == 0x2A || first == 0x25 else { return nil }
            let rest = text.dropFirst()
            if first == 0x40 {
                // Header names may hold spaces (`@Birth of CHI:`); the colon ends them, if there is one.
                guard let colon = rest.firstIndex(ofASCII: 0x3A) else {
                    return (.header(String(rest.trimmedSpaces)), rest[rest.endIndex...])
                }
                return (.header(String(rest[..<colon].trimmedSpaces)), rest[rest.utf8.index(after: colon)...])
            }
            // A tier's code or name ends at the colon, or at white space when the colon is missing.
            let stop = rest.utf8.firstIndex { $0 == 0x3A || $0 == 0x20 || $0 == 0x09 } ?? rest.endIndex
            let name = String(rest[..<stop])
            var content = rest[stop...]
            if content.startsWith(ascii: 0x3A) { content = content.dropFirst() }
            return (first == 0x2A ? Kind.mainTier(name) : Kind.dependentTier(name), content)
        }

        /// The tier's text without its media bullets, white space collapsed, and the times they give.
        ///
        /// - Returns: The text; the smallest bullet start and largest bullet end in seconds, or `nil`
        ///   when the tier has no bullet.
        /// - Throws: `IngestError.invalidTime` at the line and byte column of a malformed bullet:
        ///   one that is not closed, not `START_END` in whole milliseconds, or ends before it starts.
        func textAndTimes(source: SourceFile) throws(IngestError) -> (text: String, start: Double?, end: Double?) {
            var text = ""
            var start: Int?
            var end: Int?
            for part in parts {
                var rest = part.content
                while let open = rest.firstIndex(ofASCII: 0x15) {
                    text += rest[..<open]
                    text += " "
                    let column = part.line.utf8.distance(from: part.line.startIndex, to: open) + 1
                    let location = source.location(line: part.number, column: column)
                    let inside = rest[rest.utf8.index(after: open)...]
                    guard let close = inside.firstIndex(ofASCII: 0x15) else {
                        let word = inside.prefix { $0 != " " && $0 != "\t" }
                        throw .invalidTime(location, value: String(word.prefix(24)))
                    }
                    let bullet = inside[..<close]
                    guard let times = Self.bulletTimes(bullet) else { throw .invalidTime(location, value: String(bullet.prefix(24))) }
                    start = min(start ?? times.start, times.start)
                    end = max(end ?? times.end, times.end)
                    rest = inside[inside.utf8.index(after: close)...]
                }
                text += rest
                text += " "
            }
            return (XMLStreamReader.collapseWhitespace(text), start.map { Double($0) / 1000 }, end.map { Double($0) / 1000 })
        }

        /// The start and end of a bullet's content, `START_END` in whole milliseconds.
        static func bulletTimes(_ bullet: Substring) -> (start: Int, end: Int)? {
            let fields = bullet.split(separator: "_", omittingEmptySubsequences: false)
            guard fields.count == 2,
                fields.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 12 && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
                let start = Int(fields[0]), let end = Int(fields[1]), start <= end
            else { return nil }
            return (start, end)
        }
    }
}
