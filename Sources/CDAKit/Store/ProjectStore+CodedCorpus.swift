import Foundation
internal import GRDB

extension ProjectStore {
    /// Loads the coded project for analysis.
    ///
    /// - Parameters:
    ///   - attribute: The attribute to group by (`group`, `session`, a speaker attribute…); a speaker's
    ///     own value wins over the document's.
    ///   - includeModerators: Whether moderators' and observers' talk counts.
    ///   - withTexts: Whether to load the text of every loaded utterance (for quotes).
    ///   - includeAllUtterances: Whether to load every utterance, not only those codings touch
    ///     (intercoder agreement needs the uncoded ones too).
    /// - Complexity: One pass over the codings and one over the utterances.
    public func codedCorpus(
        by attribute: String = "group", includeModerators: Bool = false, withTexts: Bool = false,
        includeAllUtterances: Bool = false
    ) throws -> CodedCorpus {
        try read { db in
            try Self.codedCorpus(
                db, by: attribute, includeModerators: includeModerators, withTexts: withTexts,
                includeAllUtterances: includeAllUtterances)
        }
    }

    /// Loads the coded project inside a transaction the caller holds (see the public `codedCorpus`).
    static func codedCorpus(
        _ db: Database, by attribute: String, includeModerators: Bool, withTexts: Bool,
        includeAllUtterances: Bool
    ) throws -> CodedCorpus {
        let groups = try Self.utteranceGroups(db, attribute: attribute)
        let moderators = try Self.moderatorIDs(db)
        func isModerator(_ speaker: String?) -> Bool { speaker.map(moderators.contains) ?? false }

        // Codes, resolved through merges.
        let codes = Dictionary(uniqueKeysWithValues: try Self.allCodes(db).map { ($0.id, $0) })
        var resolver = MergeResolver(codes: codes)

        let loaded = try loadCodings(db, codes: codes)
        let (utterances, totals, participantWords) = try loadUtterances(
            db, needs: loaded.touched, groups: groups, moderators: moderators, includeModerators: includeModerators,
            withTexts: withTexts, includeAllUtterances: includeAllUtterances)
        let codingFragments = loaded.numbering.finish(documentIDs: loaded.touched.documentIDs, utterances: utterances)
        let themeRows = try Row.fetchAll(db, sql: "SELECT * FROM theme ORDER BY position")
        let terms = Dictionary(
            grouping: try Row.fetchAll(db, sql: "SELECT themeId, term FROM themeTerm ORDER BY position"), by: { $0["themeId"] as String })
        let questions = Dictionary(
            grouping: try Row.fetchAll(db, sql: "SELECT themeId, questionId FROM themeQuestion ORDER BY questionId"),
            by: { $0["themeId"] as String })
        let themes = themeRows.map { row in
            let id: String = row["id"]
            return CodedCorpus.ThemeInfo(
                id: id, label: row["label"], description: row["description"],
                terms: terms[id]?.map { $0["term"] } ?? [], questions: questions[id]?.map { $0["questionId"] } ?? [])
        }
        var codeThemes: [Int64: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT codeId, themeId FROM codeTheme") {
            codeThemes[row["codeId"], default: []].insert(row["themeId"])
        }
        var summaries: [String: [String: String]] = [:]
        for memo in try MemoRecord.all().on(.themeGroup).fetchAll(db) {
            summaries[memo.targetId, default: [:]][memo.groupName] = memo.text
        }
        var selected: [Fragment: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM selectedFragment") {
            selected[Self.fragment(from: row)] = row["note"] ?? ""
        }
        let researchQuestions = try Row.fetchAll(db, sql: "SELECT id, text FROM researchQuestion ORDER BY position").map {
            (id: $0["id"] as String, text: $0["text"] as String)
        }
        return CodedCorpus(
            attribute: attribute, includesModerators: includeModerators, utterances: utterances, groups: totals,
            participantWords: participantWords, codings: loaded.codings, codes: codes, themes: themes, codeThemes: codeThemes,
            themeSummaries: summaries, selected: selected, currentRound: try Self.currentRound(db),
            researchQuestions: researchQuestions,
            documents: try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY position"),
            timeSpans: try codedTimeSpans(
                db, groups: groups, counted: { includeModerators || !isModerator($0) }, resolve: { resolver.resolve($0) }),
            codingFragments: codingFragments)
    }

    /// Every time-span coding with the groups it counts for: those of the counted speakers whose
    /// utterances overlap it in recording time (utterance times plus the link's offset), else the
    /// document's group.
    private static func codedTimeSpans(
        _ db: Database, groups: GroupLookup, counted: (String?) -> Bool, resolve: (Int64) -> Int64
    ) throws -> [CodedCorpus.CodedTimeSpan] {
        let records = try TimeSpanCodingRecord.fetchAll(db)
        guard !records.isEmpty else { return [] }
        var timed: [String: [(start: Double, end: Double, group: String?)]] = [:]
        for document in Set(records.map(\.documentId)) {
            let offset = try Double.fetchOne(db, sql: "SELECT timeOffset FROM mediaLink WHERE documentId = ?", arguments: [document]) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT speakerId, startTime, endTime FROM utterance WHERE documentId = ? ORDER BY idx", arguments: [document])
            timed[document] = rows.indices.compactMap { index in
                let row = rows[index]
                let speaker: String? = row["speakerId"]
                guard counted(speaker), let start: Double = row["startTime"] else { return nil }
                // Without an end, an utterance lasts until the next one starts (as `utterances(of:)` shows it).
                let next: Double? = index + 1 < rows.count ? rows[index + 1]["startTime"] : nil
                let end: Double = row["endTime"] ?? next.flatMap { $0 > start ? $0 : nil } ?? start
                return (start + offset, end + offset, groups.group(document: document, speaker: speaker))
            }
        }
        return records.map { record in
            let span = record.span
            let (from, to) = (span.start, span.end)
            var found = Set(
                (timed[record.documentId] ?? []).filter { $0.start < to && ($0.end > from || ($0.end == $0.start && $0.start >= from)) }
                    .compactMap(\.group))
            if found.isEmpty, let group = groups.documentGroups[record.documentId] { found = [group] }
            return CodedCorpus.CodedTimeSpan(
                span: span, codeID: resolve(record.codeId), round: record.round, coder: record.coder, groups: found)
        }
    }
}
