import Foundation

/// A document as REFI-QDA plain text, and the exact mapping between positions in that text and
/// offsets inside utterances.
///
/// Export writes one line per utterance: the speaker label, a colon and a space, then the
/// utterance text (`P01: Ik wil één loket`), lines ending in LF; an utterance without a speaker has
/// no label. Positions are Unicode scalar (code point) offsets from 0 in the whole text, end
/// exclusive, as REFI-QDA counts them; an utterance offset `o` in line `n` is at
/// `textStart(n) + o`. Import reads any text the same way: lines end at LF, CRLF or CR (a CRLF
/// counts as two positions), empty lines are skipped, a recognised `Label: ` prefix becomes the
/// speaker, and white space around the text is trimmed; every other character keeps its position.
struct PlainTextLayout: Sendable, Hashable {
    /// One utterance's place in the text.
    struct Line: Sendable, Hashable {
        /// The speaker label, if the line has one.
        var label: String?
        /// The utterance text.
        var text: String
        /// The position of the text's first scalar in the whole document.
        var textStart: Int
        /// The text's length in scalars.
        var length: Int
        /// A time the line started with (`[00:01:02] P01: …`), in seconds.
        var time: Double?
    }

    /// The whole plain text.
    var text: String
    /// One entry per utterance, in order: utterance `n` is `lines[n - 1]`.
    var lines: [Line]
    /// How many characters were changed on export (line breaks inside an utterance become spaces).
    var replacedLineBreaks = 0

    /// Lays utterances out as plain text, one per line.
    ///
    /// - Parameter utterances: Each utterance's speaker label (if any) and text, in order.
    init(utterances: [(label: String?, text: String)]) {
        var output = String.UnicodeScalarView()
        var position = 0
        var lines: [Line] = []
        var replaced = 0
        for utterance in utterances {
            if let label = utterance.label {
                let prefix = label + ": "
                output.append(contentsOf: prefix.unicodeScalars)
                position += prefix.unicodeScalars.count
            }
            var text = String.UnicodeScalarView()
            for scalar in utterance.text.unicodeScalars {
                if scalar == "\n" || scalar == "\r" {
                    text.append(" ")
                    replaced += 1
                } else {
                    text.append(scalar)
                }
            }
            lines.append(Line(label: utterance.label, text: String(text), textStart: position, length: text.count))
            output.append(contentsOf: text)
            output.append("\n")
            position += text.count + 1
        }
        self.text = String(output)
        self.lines = lines
        self.replacedLineBreaks = replaced
    }

    /// Reads plain text into utterance lines.
    ///
    /// - Parameters:
    ///   - text: The source's plain text (a byte order mark already removed).
    ///   - knownLabels: Labels that always start a turn (the project's case names).
    ///   - guessLabels: Whether other labels are recognised too: a label with a digit, or one that
    ///     starts at least two lines of the document.
    init(parsing text: String, knownLabels: Set<String>, guessLabels: Bool) {
        self.text = text
        var raw: [(start: Int, scalars: [Unicode.Scalar])] = []
        var current: [Unicode.Scalar] = []
        var lineStart = 0
        var position = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { position += 1 }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                lineStart = position + 1
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                raw.append((lineStart, current))
                current = []
                lineStart = position + 1
            } else {
                current.append(scalar)
            }
        }
        raw.append((lineStart, current))

        // Candidate labels per line, then which of them count as speakers.
        let contents = raw.map { String(String.UnicodeScalarView($0.scalars)) }
        let candidates = contents.map { Self.turn(in: $0, knownLabels: knownLabels, guessLabels: guessLabels) }
        var uses: [String: Int] = [:]
        for case let label? in candidates.map({ $0?.label }) { uses[label, default: 0] += 1 }
        var lines: [Line] = []
        for (index, line) in raw.enumerated() {
            let content = contents[index]
            let turn = candidates[index]
            var label = turn?.label
            if let candidate = label, !knownLabels.contains(candidate) {
                let accepted = guessLabels && (candidate.contains(where: \.isNumber) || uses[candidate, default: 0] >= 2)
                if !accepted { label = nil }
            }
            // The text starts after the label (or the time), else at the line's start.
            var skip = 0
            if let turn, label != nil || turn.label == nil {
                skip = content.unicodeScalars.distance(from: content.unicodeScalars.startIndex, to: turn.text.startIndex)
            }
            var scalars = line.scalars[skip...]
            while let first = scalars.first, first.properties.isWhitespace {
                scalars = scalars.dropFirst()
                skip += 1
            }
            while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
            guard !scalars.isEmpty else { continue }
            lines.append(
                Line(
                    label: label, text: String(String.UnicodeScalarView(scalars)), textStart: line.start + skip,
                    length: scalars.count, time: label != nil || turn?.label == nil ? turn?.time : nil))
        }
        self.lines = lines
    }

    /// The turn start on a line: a known label, else the built-in notations (`P01: `, `[P01]`, a time).
    private static func turn(in line: String, knownLabels: Set<String>, guessLabels: Bool) -> TurnLine? {
        for label in knownLabels.sorted(by: { $0.count > $1.count }) where line.hasPrefix(label + ":") {
            let rest = line.dropFirst(label.count + 1)
            if rest.isEmpty || rest.first == " " || rest.first == "\t" {
                return TurnLine(time: nil, label: label, text: rest.drop(while: { $0 == " " || $0 == "\t" }))
            }
        }
        guard guessLabels else { return nil }
        return (try? TurnLine.parse(line[...], location: SourceLocation(file: ""))) ?? nil
    }

    /// The half-open range of positions a fragment covers in the text.
    ///
    /// - Precondition: The fragment's utterances exist in this layout.
    func positions(of fragment: Fragment) -> Range<Int> {
        let first = lines[fragment.startUtterance - 1]
        let last = lines[fragment.endUtterance - 1]
        return (first.textStart + (fragment.startOffset ?? 0))..<(last.textStart + (fragment.endOffset ?? last.length))
    }

    /// The half-open range of positions a fragment covers, counted in `unit`.
    ///
    /// - Complexity: O(*n*) in the length of the text for UTF-16 code units, O(1) for code points.
    func positions(of fragment: Fragment, in unit: PositionUnit) -> Range<Int> {
        let range = positions(of: fragment)
        guard unit == .utf16 else { return range }
        var scalars = text.unicodeScalars.makeIterator()
        var units = 0
        var start = 0
        for offset in 0..<range.upperBound {
            if offset == range.lowerBound { start = units }
            units += scalars.next().map { $0.utf16.count } ?? 1
        }
        if range.isEmpty { start = units }
        return start..<units
    }

    /// Where each utterance's text starts, counted in `unit`, in one pass over the text.
    func textStarts(in unit: PositionUnit) -> [Int] {
        guard unit == .utf16 else { return lines.map(\.textStart) }
        var starts: [Int] = []
        starts.reserveCapacity(lines.count)
        var scalars = text.unicodeScalars.makeIterator()
        var units = 0
        var offset = 0
        for line in lines {
            while offset < line.textStart, let scalar = scalars.next() {
                units += scalar.utf16.count
                offset += 1
            }
            starts.append(units)
        }
        return starts
    }

    /// The fragment that a selection of positions covers, trimmed to utterance text: a start inside
    /// a label or a line break moves to the next text, an end there to the previous text.
    ///
    /// - Returns: The fragment, and whether it had to be trimmed; `nil` when the selection holds no
    ///   utterance text at all.
    func fragment(document: String, start: Int, end: Int) -> (fragment: Fragment, trimmed: Bool)? {
        guard start < end else { return nil }
        // The first line whose text ends after `start`, and the last whose text starts before `end`.
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].textStart + lines[middle].length > start { high = middle } else { low = middle + 1 }
        }
        let first = low
        low = 0
        high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].textStart < end { low = middle + 1 } else { high = middle }
        }
        let last = low - 1
        guard first < lines.count, last >= 0, first <= last else { return nil }
        let startOffset = max(0, start - lines[first].textStart)
        let endOffset = min(lines[last].length, end - lines[last].textStart)
        if first == last && startOffset >= endOffset { return nil }
        let trimmed = lines[first].textStart + startOffset != start || lines[last].textStart + endOffset != end
        return (
            Fragment(
                documentID: document, startUtterance: first + 1, startOffset: startOffset,
                endUtterance: last + 1, endOffset: endOffset), trimmed
        )
    }
}
