/// A fragment's text as a coding sheet carries it, and the places a document holds that text.
///
/// Sheets write a fragment's text with its utterances joined by a space and tabs and line breaks
/// as spaces, and spreadsheets may trim a cell; so texts are compared with every run of
/// whitespace (an utterance boundary included) as one space, and without spaces at either end.
enum FragmentText {
    /// `text` as compared: whitespace runs as one space, trimmed.
    static func comparable(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
            } else {
                if pendingSpace { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar)
            }
        }
        return scalars
    }

    /// The text `fragment` covers in `utterances` (one document's, in order), or `nil` when the
    /// fragment lies outside them.
    static func text(of fragment: Fragment, in utterances: [Utterance]) -> String? {
        guard let first = utterances.firstIndex(where: { $0.index == fragment.startUtterance }),
            let last = utterances.firstIndex(where: { $0.index == fragment.endUtterance }), first <= last
        else { return nil }
        var parts: [String] = []
        for utterance in utterances[first...last] {
            let length = utterance.length
            if utterance.index == fragment.startUtterance, let start = fragment.startOffset, start > length { return nil }
            if utterance.index == fragment.endUtterance, let end = fragment.endOffset, end > length { return nil }
            if let range = fragment.coveredRange(inUtterance: utterance.index, length: length) {
                parts.append(utterance.text.scalarSlice(range))
            }
        }
        return parts.joined(separator: " ")
    }

    /// Whether `fragment`'s text in `utterances` begins with `text`, compared as sheets write
    /// texts. A beginning is enough: people shorten the `text` cell for reading, and a workbook
    /// cuts it at Excel's cell limit.
    static func holds(_ text: [Unicode.Scalar], _ fragment: Fragment, in utterances: [Utterance]) -> Bool {
        guard let covered = self.text(of: fragment, in: utterances) else { return false }
        return comparable(covered).starts(with: text)
    }

    /// A `text` cell as compared: without a closing "…" or "..." that says it was shortened,
    /// and whether it had one.
    static func cell(_ text: String) -> (text: [Unicode.Scalar], shortened: Bool) {
        var scalars = comparable(text)
        var shortened = false
        if scalars.last == "…" {
            scalars.removeLast()
            shortened = true
        } else if scalars.count >= 3, scalars.suffix(3).allSatisfy({ $0 == "." }) {
            scalars.removeLast(3)
            shortened = true
        }
        while scalars.last == " " { scalars.removeLast() }
        return (scalars, shortened)
    }

    /// Whether `found` can stand for `row`: the same kind of place and, for a span inside one
    /// utterance, the same width give or take a space at either end (a shorter `text` cell is
    /// found where it begins, so a much narrower match is not the row's fragment).
    static func fits(_ found: Fragment, for row: Fragment) -> Bool {
        if row.isWholeUtterances { return found.isWholeUtterances }
        guard !found.isWholeUtterances else { return false }
        guard row.startUtterance == row.endUtterance, let start = row.startOffset, let end = row.endOffset else {
            return found.endUtterance - found.startUtterance == row.endUtterance - row.startUtterance
        }
        guard found.startUtterance == found.endUtterance, let foundStart = found.startOffset, let foundEnd = found.endOffset else {
            return false
        }
        return abs((foundEnd - foundStart) - (end - start)) <= 2
    }

    /// Every place in `utterances` (one document's, in order) that holds `text`, nearest to
    /// `near` first: whole utterances when the text is exactly some consecutive utterances and
    /// `near` is whole utterances too, offsets otherwise.
    static func places(of text: [Unicode.Scalar], in utterances: [Utterance], near: Fragment) -> [Fragment] {
        guard let firstScalar = text.first else { return [] }
        // The document as one comparable run, each scalar remembering its utterance and offset.
        var run: [Unicode.Scalar] = []
        var origin: [(utterance: Int, offset: Int)] = []
        for utterance in utterances {
            var offset = 0
            for scalar in utterance.text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    if let last = run.last, last != " " {
                        run.append(" ")
                        origin.append((utterance.index, offset))
                    }
                } else {
                    run.append(scalar)
                    origin.append((utterance.index, offset))
                }
                offset += 1
            }
            if let last = run.last, last != " " {
                run.append(" ")
                origin.append((utterance.index, offset))
            }
        }
        let lengths = Dictionary(utterances.map { ($0.index, $0.length) }, uniquingKeysWith: { first, _ in first })
        var found: [Fragment] = []
        var start = 0
        while start + text.count <= run.count {
            if run[start] == firstScalar, run[start..<start + text.count].elementsEqual(text) {
                let first = origin[start]
                let last = origin[start + text.count - 1]
                let whole =
                    near.isWholeUtterances && first.offset == leadingSpaces(of: first.utterance, in: utterances)
                    && last.offset + 1 == (lengths[last.utterance] ?? 0) - trailingSpaces(of: last.utterance, in: utterances)
                found.append(
                    whole
                        ? Fragment(documentID: near.documentID, startUtterance: first.utterance, endUtterance: last.utterance)
                        : Fragment(
                            documentID: near.documentID, startUtterance: first.utterance, startOffset: first.offset,
                            endUtterance: last.utterance, endOffset: last.offset + 1))
            }
            start += 1
        }
        return found.sorted { a, b in
            (abs(a.startUtterance - near.startUtterance), abs((a.startOffset ?? 0) - (near.startOffset ?? 0)), a)
                < (abs(b.startUtterance - near.startUtterance), abs((b.startOffset ?? 0) - (near.startOffset ?? 0)), b)
        }
    }

    private static func leadingSpaces(of index: Int, in utterances: [Utterance]) -> Int {
        utterances.first { $0.index == index }?.text.unicodeScalars.prefix { $0.properties.isWhitespace }.count ?? 0
    }

    private static func trailingSpaces(of index: Int, in utterances: [Utterance]) -> Int {
        utterances.first { $0.index == index }?.text.unicodeScalars.reversed().prefix { $0.properties.isWhitespace }.count ?? 0
    }
}
