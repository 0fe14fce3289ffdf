import Foundation
internal import GRDB

extension ProjectStore {
    /// Attaches a code to a fragment, creating the code when no active code has the name.
    ///
    /// Adding a coding that exists (same code, fragment, round and coder) adds nothing.
    ///
    /// - Throws: `CodingError` or `CorpusError` for a bad fragment, code or round; nothing is changed then.
    public func addCoding(_ request: CodingRequest) throws -> CodingResult {
        try write { db in try Self.insertCoding(request, validator: FragmentValidator(), db) }
    }

    static func insertCoding(_ request: CodingRequest, validator: FragmentValidator, _ db: Database) throws -> CodingResult {
        let round = try request.round ?? currentRound(db)
        try checkRound(round, db)
        let fragment = try validator.normalize(request.fragment, db)
        let coder = request.coder.isEmpty ? "analyst" : request.coder
        // The same coding, stored already (even under a code retired since): nothing to add. This
        // keeps re-importing the tool's own sheets and exports a no-op.
        if let stored = try code(named: request.codeName.trimmingCharacters(in: .whitespaces), db),
            let id = try existingCodingID(codeID: stored.id, fragment: fragment, round: round, coder: coder, db)
        {
            return CodingResult(codingID: id, code: stored.name, createdCode: false, alreadyCoded: true, fragment: fragment, round: round)
        }
        let (code, created) = try findOrCreateCode(named: request.codeName, origin: request.origin, round: round, db)
        var record = CodingRecord(codeID: code.id, fragment: fragment, round: round, coder: coder, memo: request.memo, at: Timestamp.now())
        try record.insert(db, onConflict: .ignore)
        let added = db.changesCount > 0
        let id = try added ? record.id ?? 0 : existingCodingID(codeID: code.id, fragment: fragment, round: round, coder: coder, db) ?? 0
        return CodingResult(codingID: id, code: code.name, createdCode: created, alreadyCoded: !added, fragment: fragment, round: round)
    }

    /// The id of the coding of `codeID` on exactly `fragment`, in `round`, by `coder`, if stored.
    static func existingCodingID(codeID: Int64, fragment: Fragment, round: Int, coder: String, _ db: Database) throws -> Int64? {
        // A cached statement: a sheet import asks this for every row.
        try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id FROM coding WHERE codeId = ? AND documentId = ? AND startUtterance = ? AND IFNULL(startOffset, -1) = ?
                      AND endUtterance = ? AND IFNULL(endOffset, -1) = ? AND round = ? AND coder = ?
                    """),
            arguments: [
                codeID, fragment.documentID, fragment.startUtterance, fragment.startOffset ?? -1,
                fragment.endUtterance, fragment.endOffset ?? -1, round, coder,
            ])
    }

    /// Removes the codings that match, as one undoable step.
    ///
    /// - Parameters:
    ///   - filter: Which codings; see `CodingFilter`.
    ///   - actor: Who removes them, for the history.
    /// - Returns: How many codings were removed, and the step that `undo(step:)` reverts.
    /// - Throws: `CodingError.noSuchCoding` when nothing matches.
    @discardableResult
    public func removeCodings(_ filter: CodingFilter, actor: String) throws -> CodingRemoval {
        try write { db in
            let ids = try filter.matchingIDs(db)
            let spanIDs = try filter.matchingTimeSpanIDs(db)
            guard !ids.isEmpty || !spanIDs.isEmpty else { throw CodingError.noSuchCoding(filter.description) }
            let step = try Self.recordStep(
                kind: .remove, summary: "removed \(ids.count + spanIDs.count) coding(s) matching \(filter.description)",
                reason: nil, actor: actor, scope: HistoryScope(codingIDs: Set(ids), timeSpanCodingIDs: Set(spanIDs)), db
            ) { db, _ in
                try db.execute(literal: "DELETE FROM coding WHERE id IN \(idsIn: ids)")
                try db.execute(literal: "DELETE FROM timeSpanCoding WHERE id IN \(idsIn: spanIDs)")
            }
            return CodingRemoval(removed: ids.count + spanIDs.count, step: step.id)
        }
    }

    /// Every code with its counts after consolidation, ordered by name.
    public func codes() throws -> [CodeSummary] {
        try read { db in
            let themes = try Dictionary(
                grouping: Row.fetchAll(db, sql: "SELECT codeId, themeId FROM codeTheme ORDER BY themeId"),
                by: { $0["codeId"] as Int64 }
            ).mapValues { $0.map { $0["themeId"] as String } }
            let all = try Self.allCodes(db)
            let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
            var counts: [Int64: (fragments: Int, codings: Int, speakers: Int)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT c.codeId AS codeId, COUNT(*) AS codings,
                           COUNT(DISTINCT c.documentId || ':' || c.startUtterance || ':' || IFNULL(c.startOffset, '') || ':' || c.endUtterance || ':' || IFNULL(c.endOffset, '')) AS fragments,
                           COUNT(DISTINCT u.speakerId) AS speakers
                    FROM coding c JOIN utterance u ON u.documentId = c.documentId AND u.idx = c.startUtterance
                    GROUP BY c.codeId
                    """)
            {
                counts[row["codeId"]] = (row["fragments"], row["codings"], row["speakers"])
            }
            // Time-span codings are fragments too (a span of a recording); they have no speaker.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT codeId, COUNT(*) AS codings, COUNT(DISTINCT documentId || ':' || startMs || ':' || endMs) AS fragments
                    FROM timeSpanCoding GROUP BY codeId
                    """)
            {
                let known = counts[row["codeId"]] ?? (0, 0, 0)
                counts[row["codeId"]] = (known.fragments + row["fragments"], known.codings + row["codings"], known.speakers)
            }
            let branches = try Self.branchFragmentCounts(all, db)
            return all.map { code in
                let count = counts[code.id] ?? (0, 0, 0)
                return CodeSummary(
                    id: code.id, name: code.name, parent: code.parentID.flatMap { byID[$0]?.name }, status: code.status,
                    origin: code.origin, round: code.round, themes: themes[code.id] ?? [], fragments: count.fragments,
                    branchFragments: branches[code.id] ?? 0, codings: count.codings, speakers: count.speakers, color: code.color,
                    mergedInto: code.mergedIntoID.flatMap { byID[$0]?.name }, description: code.description)
            }.sorted { a, b in
                a.status == b.status ? a.name < b.name : a.status == .active
            }
        }
    }

    /// Per code, the distinct fragments coded with it or any code nested below it (through
    /// `parentId`, whatever the child's status; a cycle is cut where it closes).
    static func branchFragmentCounts(_ codes: [Code], _ db: Database) throws -> [Int64: Int] {
        var own: [Int64: Set<Fragment>] = [:]
        // Only the columns a fragment needs, read as rows: decoding a million whole records through
        // Codable took seconds.
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT codeId, documentId, startUtterance, startOffset, endUtterance, endOffset FROM coding")
        while let row = try cursor.next() { own[row["codeId"], default: []].insert(Self.fragment(from: row)) }
        var ownSpans: [Int64: Set<TimeSpan>] = [:]
        for coding in try TimeSpanCodingRecord.fetchAll(db) { ownSpans[coding.codeId, default: []].insert(coding.span) }
        var children: [Int64: [Int64]] = [:]
        for code in codes { if let parent = code.parentID, parent != code.id { children[parent, default: []].append(code.id) } }
        var counts: [Int64: Int] = [:]
        for code in codes {
            var fragments = own[code.id] ?? []
            var spans = ownSpans[code.id] ?? []
            var seen: Set<Int64> = [code.id]
            var pending = children[code.id] ?? []
            while let next = pending.popLast() {
                guard seen.insert(next).inserted else { continue }
                fragments.formUnion(own[next] ?? [])
                spans.formUnion(ownSpans[next] ?? [])
                pending += children[next] ?? []
            }
            counts[code.id] = fragments.count + spans.count
        }
        return counts
    }

    /// The fragments coded with a code (and the codes merged into it), in document order.
    ///
    /// - Parameters:
    ///   - codeName: The code; `nil` for all coded fragments.
    ///   - round: Only codings of this round, when given.
    ///   - selectedOnly: Only fragments selected for interpretation.
    /// - Throws: `CodingError.unknownCode`.
    public func fragments(code codeName: String?, round: Int? = nil, selectedOnly: Bool = false, forReview: Bool = false) throws
        -> [FragmentView]
    {
        try read { db in
            var request = CodingRecord.all()
            if let codeName {
                guard let code = try Self.code(named: codeName, db) else {
                    throw CodingError.unknownCode(
                        codeName, suggestion: NameSuggester.closest(to: codeName, among: try CodeRecord.activeNames(db)))
                }
                request = request.filter(CodingRecord.Columns.codeID == code.id)
            }
            if let round { request = request.filter(CodingRecord.Columns.round == round) }
            if forReview { request = request.filter(sql: "review IS NOT NULL") }
            var reviews: [Fragment: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM coding WHERE review IS NOT NULL ORDER BY id") {
                reviews[Self.fragment(from: row), default: []].append(row["review"])
            }
            let codes = Dictionary(uniqueKeysWithValues: try Self.allCodes(db).map { ($0.id, $0) })
            let selected = Set(try Row.fetchAll(db, sql: "SELECT * FROM selectedFragment").map(Self.fragment(from:)))
            var grouped: [Fragment: (codes: Set<String>, rounds: Set<Int>, coders: Set<String>)] = [:]
            for coding in try request.fetchAll(db) {
                let resolved = codes[coding.codeId]?.followingMerges { codes[$0] }.name ?? "?"
                grouped[coding.fragment, default: ([], [], [])].codes.insert(resolved)
                grouped[coding.fragment]?.rounds.insert(coding.round)
                grouped[coding.fragment]?.coders.insert(coding.coder)
            }
            let utterances = try Self.codedUtterances(of: request, db)
            let groups = try Self.utteranceGroups(db)
            return grouped.sorted { $0.key < $1.key }.compactMap { fragment, entry in
                if selectedOnly && !selected.contains(fragment) { return nil }
                let rows = (fragment.startUtterance...fragment.endUtterance).compactMap {
                    utterances[CodedCorpus.UtteranceKey(document: fragment.documentID, index: $0)]
                }
                let text = rows.compactMap { row -> String? in
                    guard let range = fragment.coveredRange(inUtterance: row.index, length: row.length) else { return nil }
                    return row.text.scalarSlice(range)
                }.joined(separator: "\n")
                let speaker = rows.first?.speaker
                return FragmentView(
                    fragment: fragment, codes: entry.codes.sorted(), speaker: speaker,
                    group: groups.group(document: fragment.documentID, speaker: speaker), text: text,
                    rounds: entry.rounds.sorted(), coders: entry.coders.sorted(), selected: selected.contains(fragment),
                    review: reviews[fragment])
            }
        }
    }

    /// An utterance's text and speaker, to show the part of it a fragment covers.
    private struct CoveredUtterance {
        var index: Int
        var speaker: String?
        var text: String
        var length: Int
    }

    /// Every utterance that one of the codings `request` selects covers, in one query.
    private static func codedUtterances(
        of request: QueryInterfaceRequest<CodingRecord>, _ db: Database
    ) throws -> [CodedCorpus.UtteranceKey: CoveredUtterance] {
        let spans = request.select(CodingRecord.Columns.documentID, Column("startUtterance"), Column("endUtterance"))
        var result: [CodedCorpus.UtteranceKey: CoveredUtterance] = [:]
        let rows = try SQLRequest<Row>(
            literal: """
                SELECT DISTINCT u.documentId, u.idx, u.speakerId, u.text, u.length
                FROM (\(spans)) AS c
                JOIN utterance u ON u.documentId = c.documentId AND u.idx BETWEEN c.startUtterance AND c.endUtterance
                """
        ).fetchCursor(db)
        while let row = try rows.next() {
            let index: Int = row["idx"]
            result[CodedCorpus.UtteranceKey(document: row["documentId"], index: index)] =
                CoveredUtterance(index: index, speaker: row["speakerId"], text: row["text"], length: row["length"])
        }
        return result
    }

    static func fragment(from row: Row) -> Fragment {
        Fragment(
            documentID: row["documentId"], startUtterance: row["startUtterance"], startOffset: row["startOffset"],
            endUtterance: row["endUtterance"], endOffset: row["endOffset"])
    }

    /// Group lookup: a speaker's own `group` wins over the document's.
    struct GroupLookup {
        var speakerGroups: [String: String]
        var documentGroups: [String: String]

        func group(document: String, speaker: String?) -> String? {
            speaker.flatMap { speakerGroups[$0] } ?? documentGroups[document]
        }
    }

    static func utteranceGroups(_ db: Database, attribute: String = "group") throws -> GroupLookup {
        GroupLookup(
            speakerGroups: Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT speakerId, value FROM speakerAttribute WHERE key = ?", arguments: [attribute]
                ).map { ($0["speakerId"], $0["value"]) }),
            documentGroups: Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT documentId, value FROM documentAttribute WHERE key = ?", arguments: [attribute]
                ).map { ($0["documentId"], $0["value"]) }))
    }
}
