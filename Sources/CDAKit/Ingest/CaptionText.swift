import Foundation

/// The small text rules of caption payloads: markup, non-speech marks, dialogue dashes, sentence ends.
enum CaptionText {
    /// Title abbreviations whose full stop does not end a sentence (`Mr. Smith`), lowercased.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "rev", "hon", "sen", "rep", "gov", "lt", "col",
        "gen", "capt", "sgt", "mme", "mlle", "dhr", "mevr", "hr", "fr", "drs", "ir", "ing", "mgr",
    ]

    /// Whether the inside of `<…>` is markup: it starts with a letter, `/` or a digit (a VTT timestamp).
    static func isTag(_ inside: Substring) -> Bool {
        guard let first = inside.unicodeScalars.first, first.isASCII else { return false }
        return first.properties.isAlphabetic || first == "/" || ("0"..."9").contains(first)
    }

    /// The speaker of a VTT voice tag (`v Name`, `v.loud Name`), `""` for a voice without a name,
    /// or `nil` when the tag is not a voice tag.
    static func voiceName(_ tag: Substring) -> String? {
        guard tag.first == "v" else { return nil }
        let rest = tag.dropFirst()
        guard rest.isEmpty || rest.first == " " || rest.first == "." else { return nil }
        guard let space = rest.firstIndex(of: " ") else { return "" }
        return collapse(String(rest[space...]))
    }

    /// Decodes the HTML entities captions use and collapses white space.
    static func clean(_ text: String) -> String {
        collapse(decodeEntities(text))
    }

    /// Collapses runs of spaces, tabs and line breaks to one space and trims the ends.
    static func collapse(_ text: String) -> String {
        XMLStreamReader.collapseWhitespace(text)
    }

    /// Decodes `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#39;`, `&nbsp;` (as a space), the direction
    /// marks `&lrm;` and `&rlm;` (dropped) and `&amp;`.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, replacement) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#39;", "'"), ("&nbsp;", " "),
            ("&lrm;", ""), ("&rlm;", ""), ("&amp;", "&"),
        ] where result.contains(entity) {
            result = result.replacingOccurrences(of: entity, with: replacement)
        }
        return result
    }

    /// Takes non-speech marks off a caption line: `[…]` groups at its start or end, a line that
    /// starts with `♪` or `♫` (music), and a line made only of `(…)` groups.
    ///
    /// A `(…)` group inside or at the end of speech stays: `Dus? (gelach)` is the speaker's turn as
    /// a plain-text transcript would have it.
    ///
    /// - Returns: Whether a mark was found before the speech, the speech, and whether one was found after it.
    static func peelEvents(_ line: String) -> (leading: Bool, body: String, trailing: Bool) {
        var body = Substring(line)
        if body.first == "♪" || body.first == "♫" { return (true, "", false) }
        var leading = false
        var trailing = false
        while body.first == "[", let close = body.firstIndex(of: "]") {
            leading = true
            body = body[body.index(after: close)...].drop { $0 == " " }
        }
        while body.last == "]", let open = body.lastIndex(of: "[") {
            trailing = true
            body = body[..<open]
            while body.last == " " { body = body.dropLast() }
        }
        var rest = body
        while rest.first == "(", let close = rest.firstIndex(of: ")") {
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        if rest.isEmpty, !body.isEmpty { return (true, "", trailing) }
        return (leading, String(body), trailing)
    }

    /// A dialogue dash (`-`, `–`) or `>>` at the start of a caption line, and the line without it.
    static func leadingMarker(_ line: String) -> (CaptionCue.Marker?, String) {
        if line.hasPrefix(">>") {
            return (.chevrons, String(line.drop { $0 == ">" || $0 == " " }))
        }
        guard let first = line.first, first == "-" || first == "–" else { return (nil, line) }
        let rest = line.dropFirst()
        guard let next = rest.first, next != "-", next != "–", !next.isNumber else { return (nil, line) }
        let text = rest.drop { $0 == " " }
        return text.isEmpty ? (nil, line) : (.dash, String(text))
    }

    /// Cuts a caption line where another speaker starts in mid-line: a dash right before a word
    /// after a sentence end (`Oui. -Non.`), or a `>>` marker.
    ///
    /// - Returns: The pieces in order, each with the marker that opened it (`nil` for the first).
    static func midLineCuts(_ line: String) -> [(marker: CaptionCue.Marker?, text: String)] {
        var pieces: [(marker: CaptionCue.Marker?, text: String)] = []
        var marker: CaptionCue.Marker?
        var pieceStart = line.startIndex
        var index = line.startIndex
        func cut(at end: String.Index, resumingAt resume: String.Index, next: CaptionCue.Marker) {
            let text = line[pieceStart..<end]
            if !text.isEmpty { pieces.append((marker, String(text))) }
            marker = next
            pieceStart = resume
        }
        while index < line.endIndex {
            guard line[index] == " " else {
                index = line.index(after: index)
                continue
            }
            let next = line.index(after: index)
            if next < line.endIndex, line[next] == "-" || line[next] == "–" {
                let after = line.index(after: next)
                if after < line.endIndex, !" -–".contains(line[after]), endsSentence(line, before: index) {
                    cut(at: index, resumingAt: after, next: .dash)
                    index = after
                    continue
                }
            } else if line[next...].hasPrefix(">>") {
                let resume = line[next...].firstIndex { $0 != ">" && $0 != " " } ?? line.endIndex
                cut(at: index, resumingAt: resume, next: .chevrons)
                index = resume
                continue
            }
            index = next
        }
        let text = line[pieceStart...]
        if !text.isEmpty { pieces.append((marker, String(text))) }
        return pieces
    }

    /// Whether the text before `index` ends a sentence: `.`, `?`, `!` or `…`, maybe followed by a
    /// closing quote or bracket; a full stop after a title (`Mr.`) or an initial (`J.`) does not.
    static func endsSentence(_ text: some StringProtocol, before index: String.Index) -> Bool {
        var end = index
        while end > text.startIndex {
            let previous = text.index(before: end)
            guard "\"”»’')]".contains(text[previous]) else { break }
            end = previous
        }
        guard end > text.startIndex else { return false }
        let mark = text.index(before: end)
        switch text[mark] {
        case "?", "!", "…":
            return true
        case ".":
            var wordStart = mark
            while wordStart > text.startIndex, text[text.index(before: wordStart)].isLetter {
                wordStart = text.index(before: wordStart)
            }
            let word = text[wordStart..<mark]
            if word.count == 1, word.first!.isUppercase { return false }
            return !titles.contains(word.lowercased())
        default:
            return false
        }
    }
}
