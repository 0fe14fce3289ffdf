/// Which reading an import used for one source's positions, and why.
public struct SourcePositions: Sendable, Hashable, Codable {
    /// Why the reading was chosen.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// The user named the unit (`--positions`).
        case forced
        /// It placed the selections on character, word and line boundaries better than the others.
        case evidence
        /// Every reading places every selection on the same text; the expected one was used.
        case indistinguishable
        /// The readings fit equally well; the unit the project's origin suggests was used.
        case origin
    }

    /// The document the source became.
    public var document: String
    /// The reading used.
    public var reading: PositionReading
    /// Why.
    public var basis: Basis
    /// How every reading tried fits, the one used first.
    public var evidence: [PositionEvidence]

    /// Decides how to read a source's positions.
    ///
    /// - Parameters:
    ///   - document: The document's id, for the report.
    ///   - selections: Every selection's start and end position in the source.
    ///   - text: The source's text.
    ///   - origin: The project's `origin` attribute (the tool that wrote it).
    ///   - forced: The unit the user named, if any; the byte order mark is still decided by evidence.
    /// - Complexity: O(*s*) in the number of selections, for each of at most four readings.
    static func decide(
        document: String, selections: [(start: Int, end: Int)], text: SourceText, origin: String?, forced: PositionUnit?
    ) -> SourcePositions {
        let candidates = PositionReading.candidates(hasByteOrderMark: text.hasByteOrderMark).filter { forced == nil || $0.unit == forced }
        let judged = candidates.map { PositionEvidence.judge($0, selections: selections, in: text) }
        let ranked = judged.enumerated().sorted { left, right in
            PositionEvidence.fitsBetter(left.element, than: right.element)
                || PositionEvidence.fitEqually(left.element, right.element) && left.offset < right.offset
        }.map(\.element)
        let expected = PositionReading.expected(origin: origin)
        let fallback = judged.first { $0.reading == expected } ?? ranked[0]
        func result(_ chosen: PositionEvidence, _ basis: Basis) -> SourcePositions {
            SourcePositions(
                document: document, reading: chosen.reading, basis: basis,
                evidence: [chosen] + judged.filter { $0.reading != chosen.reading })
        }
        if forced != nil { return result(ranked[0], .forced) }
        let placements = candidates.map { reading in
            selections.map { [text.scalarOffset($0.start, reading: reading), text.scalarOffset($0.end, reading: reading)] }
        }
        if placements.allSatisfy({ $0 == placements[0] }) { return result(fallback, .indistinguishable) }
        let tied = judged.filter { PositionEvidence.fitEqually($0, ranked[0]) }
        if tied.count > 1 && tied.contains(fallback) { return result(fallback, .origin) }
        return result(ranked[0], .evidence)
    }

    /// The decision in words: `document 'x': positions read as UTF-16 code units (by evidence:
    /// 274 of 303 on line boundaries, …; as code points: 14 of 303 …)`.
    public var summary: String {
        let chosen = evidence[0]
        let others = evidence.dropFirst().map { "as \($0.reading): \($0.summary)" }.joined(separator: "; ")
        let why: String
        switch basis {
        case .forced: why = "as --positions asked: \(chosen.summary)"
        case .evidence: why = "by evidence: \(chosen.summary)" + (others.isEmpty ? "" : "; \(others)")
        case .indistinguishable:
            why =
                chosen.selections == 0
                ? "no selections to judge by"
                : "every reading places the \(chosen.selections) selection(s) on the same text"
        case .origin: why = "the readings fit equally (\(chosen.summary)); the unit the project's origin suggests"
        }
        return "document '\(document)': positions read as \(chosen.reading) (\(why))"
    }
}
