/// How well one reading of a source's positions fits its text, counted over all its selections.
public struct PositionEvidence: Sendable, Hashable, Codable {
    /// The reading judged.
    public var reading: PositionReading
    /// Selections judged.
    public var selections = 0
    /// Selections with an end before or beyond the text.
    public var outsideText = 0
    /// Selections with an end inside a character: inside a surrogate pair, or between a letter and
    /// its combining mark, an emoji and its modifier.
    public var insideCharacter = 0
    /// Selections with an end between a CR and its LF.
    public var splittingLineBreak = 0
    /// Selections whose both ends fall on word boundaries.
    public var onWordBoundaries = 0
    /// Selections that start where a line starts and end where a line ends.
    public var onLineBoundaries = 0

    /// Selections this reading cannot place on whole characters.
    public var misplaced: Int { outsideText + insideCharacter + splittingLineBreak }

    /// Judges a reading.
    ///
    /// - Complexity: O(*s*) in the number of selections.
    static func judge(_ reading: PositionReading, selections: [(start: Int, end: Int)], in text: SourceText) -> PositionEvidence {
        var evidence = PositionEvidence(reading: reading, selections: selections.count)
        for selection in selections {
            guard let start = text.scalarOffset(selection.start, reading: reading),
                let end = text.scalarOffset(selection.end, reading: reading)
            else {
                // Within the text's length, a position that names no scalar is inside a surrogate pair.
                if text.isWithinText(selection.start, reading: reading) && text.isWithinText(selection.end, reading: reading) {
                    evidence.insideCharacter += 1
                } else {
                    evidence.outsideText += 1
                }
                continue
            }
            if text.isInsideCharacter(start) || text.isInsideCharacter(end) {
                evidence.insideCharacter += 1
            } else if text.splitsLineBreak(start) || text.splitsLineBreak(end) {
                evidence.splittingLineBreak += 1
            }
            if text.isWordBoundary(start) && text.isWordBoundary(end) { evidence.onWordBoundaries += 1 }
            if text.isLineStart(start) && text.isLineEnd(end) { evidence.onLineBoundaries += 1 }
        }
        return evidence
    }

    /// Orders readings from best to worst fit: fewer misplaced selections, then more selections on
    /// word and line boundaries.
    static func fitsBetter(_ left: PositionEvidence, than right: PositionEvidence) -> Bool {
        if left.misplaced != right.misplaced { return left.misplaced < right.misplaced }
        return left.onWordBoundaries + left.onLineBoundaries > right.onWordBoundaries + right.onLineBoundaries
    }

    /// Whether two readings fit equally well.
    static func fitEqually(_ left: PositionEvidence, _ right: PositionEvidence) -> Bool {
        !fitsBetter(left, than: right) && !fitsBetter(right, than: left)
    }

    /// `274 of 303 on line boundaries, 290 on word boundaries, 3 inside a character`.
    public var summary: String {
        var parts = ["\(onLineBoundaries) of \(selections) on line boundaries", "\(onWordBoundaries) on word boundaries"]
        if insideCharacter > 0 { parts.append("\(insideCharacter) inside a character") }
        if splittingLineBreak > 0 { parts.append("\(splittingLineBreak) splitting a CRLF") }
        if outsideText > 0 { parts.append("\(outsideText) outside the text") }
        return parts.joined(separator: ", ")
    }
}
