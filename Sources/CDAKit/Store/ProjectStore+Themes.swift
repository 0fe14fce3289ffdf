import Foundation
internal import GRDB

extension ProjectStore {
    /// Loads a codebook: adds or updates research questions and themes, and applies its mappings
    /// to codes that exist. Themes already in the project and not in the file are kept.
    ///
    /// - Throws: `StoreError.database`; the project is unchanged on error.
    public func loadCodebook(_ codebook: Codebook, actor: String) throws -> CodebookLoadResult {
        try write { db in
            var result = CodebookLoadResult(added: [], updated: [], mapped: 0, unknownCodes: [])
            for (position, question) in (codebook.researchQuestions ?? []).enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO researchQuestion(id, text, position) VALUES (?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET text = excluded.text, position = excluded.position
                        """, arguments: [question.id, question.text, position])
            }
            let existingCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM theme") ?? 0
            for (position, theme) in codebook.themes.enumerated() {
                let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM theme WHERE id = ?", arguments: [theme.id]) != nil
                if exists {
                    try db.execute(
                        sql: "UPDATE theme SET label = ?, description = ? WHERE id = ?",
                        arguments: [theme.label, theme.description ?? "", theme.id])
                    result.updated.append(theme.id)
                } else {
                    try db.execute(
                        sql: "INSERT INTO theme(id, label, description, position) VALUES (?, ?, ?, ?)",
                        arguments: [theme.id, theme.label, theme.description ?? "", existingCount + position])
                    result.added.append(theme.id)
                }
                try db.execute(sql: "DELETE FROM themeTerm WHERE themeId = ?", arguments: [theme.id])
                for (index, term) in (theme.terms ?? []).enumerated() {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO themeTerm(themeId, term, position) VALUES (?, ?, ?)",
                        arguments: [theme.id, term, index])
                }
                try db.execute(sql: "DELETE FROM themeQuestion WHERE themeId = ?", arguments: [theme.id])
                for question in theme.researchQuestions ?? [] {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO themeQuestion(themeId, questionId) VALUES (?, ?)", arguments: [theme.id, question])
                }
            }
            for (themeID, names) in (codebook.mappings ?? [:]).sorted(by: { $0.key < $1.key }) {
                for name in names {
                    guard let code = try Self.code(named: name, db), let resolved = try Self.resolvedActiveCode(from: code.id, db) else {
                        result.unknownCodes.append(name)
                        continue
                    }
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO codeTheme(codeId, themeId) VALUES (?, ?)", arguments: [resolved.id, themeID])
                    result.mapped += db.changesCount
                }
            }
            _ = actor
            return result
        }
    }

    /// Maps a code (resolved through merges) to a theme without recording a step; for bulk loading.
    ///
    /// - Returns: Whether the mapping is new.
    /// - Throws: `CodingError.unknownCode`, `.inactiveCode` or `.unknownTheme`.
    public func addMapping(code name: String, theme themeID: String) throws -> Bool {
        try write { db in
            try Self.requireTheme(themeID, db)
            guard let code = try Self.code(named: name, db) else {
                throw CodingError.unknownCode(name, suggestion: NameSuggester.closest(to: name, among: try CodeRecord.activeNames(db)))
            }
            guard let active = try Self.resolvedActiveCode(from: code.id, db), active.status == .active else {
                throw CodingError.inactiveCode(name, status: code.status, mergedInto: nil)
            }
            try db.execute(sql: "INSERT OR IGNORE INTO codeTheme(codeId, themeId) VALUES (?, ?)", arguments: [active.id, themeID])
            return db.changesCount > 0
        }
    }

    /// Every theme with its codes, in codebook order.
    public func themes() throws -> [ThemeSummary] {
        try read { db in
            let codes = Dictionary(
                grouping: try Row.fetchAll(
                    db,
                    sql: """
                        SELECT ct.themeId, c.name FROM codeTheme ct JOIN code c ON c.id = ct.codeId ORDER BY c.name
                        """), by: { $0["themeId"] as String })
            let terms = Dictionary(
                grouping: try Row.fetchAll(db, sql: "SELECT themeId, term FROM themeTerm ORDER BY position"),
                by: { $0["themeId"] as String })
            let questions = Dictionary(
                grouping: try Row.fetchAll(db, sql: "SELECT themeId, questionId FROM themeQuestion ORDER BY questionId"),
                by: { $0["themeId"] as String })
            return try Row.fetchAll(db, sql: "SELECT * FROM theme ORDER BY position").map { row in
                let id: String = row["id"]
                return ThemeSummary(
                    id: id, label: row["label"], description: row["description"],
                    researchQuestions: questions[id]?.map { $0["questionId"] } ?? [], terms: terms[id]?.map { $0["term"] } ?? [],
                    codes: codes[id]?.map { $0["name"] } ?? [])
            }
        }
    }

    /// Maps a code to a theme, as an undoable step.
    ///
    /// - Throws: `CodingError.unknownCode`, `.inactiveCode` or `.unknownTheme`.
    @discardableResult
    public func mapCode(_ codeName: String, toTheme themeID: String, actor: String) throws -> HistoryEntry {
        try changeMapping(codeName, themeID, map: true, actor: actor)
    }

    /// Removes a code → theme mapping, as an undoable step.
    ///
    /// - Throws: `CodingError.unknownCode`, `.inactiveCode` or `.unknownTheme`.
    @discardableResult
    public func unmapCode(_ codeName: String, fromTheme themeID: String, actor: String) throws -> HistoryEntry {
        try changeMapping(codeName, themeID, map: false, actor: actor)
    }

    private func changeMapping(_ codeName: String, _ themeID: String, map: Bool, actor: String) throws -> HistoryEntry {
        try write { db in
            let code = try Self.activeCode(named: codeName, db)
            try Self.requireTheme(themeID, db)
            let summary = map ? "mapped '\(code.name)' to theme '\(themeID)'" : "unmapped '\(code.name)' from theme '\(themeID)'"
            return try Self.recordStep(
                kind: map ? .map : .unmap, summary: summary, reason: nil, actor: actor,
                scope: HistoryScope(codeIDs: [code.id]), db
            ) { db, _ in
                if map {
                    try db.execute(sql: "INSERT OR IGNORE INTO codeTheme(codeId, themeId) VALUES (?, ?)", arguments: [code.id, themeID])
                } else {
                    try db.execute(sql: "DELETE FROM codeTheme WHERE codeId = ? AND themeId = ?", arguments: [code.id, themeID])
                    if db.changesCount == 0 { throw CodingError.noSuchCoding("a mapping of '\(code.name)' to '\(themeID)'") }
                }
            }
        }
    }

    static func requireTheme(_ id: String, _ db: Database) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM theme WHERE id = ?", arguments: [id]) == nil {
            let ids = try String.fetchAll(db, sql: "SELECT id FROM theme")
            throw CodingError.unknownTheme(id, suggestion: NameSuggester.closest(to: id, among: ids))
        }
    }

    /// Writes (or, with an empty text, deletes) a memo.
    ///
    /// - Throws: `CodingError.unknownCode`, `.unknownTheme` or `CorpusError.unknownDocument` for a missing target.
    public func setMemo(_ text: String, on target: MemoTarget, author: String) throws {
        try write { db in
            let (id, group): (String, String)
            switch target {
            case .project: (id, group) = ("", "")
            case .code(let name):
                (id, group) = (
                    String(try Self.code(named: name, db).map(\.id) ?? { throw CodingError.unknownCode(name, suggestion: nil) }()), ""
                )
            case .document(let document):
                _ = try FragmentValidator().utteranceLengths(document, db)
                (id, group) = (document, "")
            case .theme(let theme):
                try Self.requireTheme(theme, db)
                (id, group) = (theme, "")
            case .themeGroup(let theme, let groupName):
                try Self.requireTheme(theme, db)
                (id, group) = (theme, groupName)
            }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                try MemoRecord.all().on(target.kind, id: id, group: group).deleteAll(db)
            } else {
                try MemoRecord(
                    targetKind: target.kind.rawValue, targetId: id, groupName: group, text: text, author: author,
                    updatedAt: Timestamp.now()
                ).upsert(db)
            }
        }
    }

    /// The text of a memo, if any.
    public func memo(on target: MemoTarget) throws -> String? {
        try read { db in
            let memos = MemoRecord.all()
            let found: QueryInterfaceRequest<MemoRecord>
            switch target {
            case .project: found = memos.on(.project)
            case .code(let name):
                guard let code = try Self.code(named: name, db) else { return nil }
                found = memos.on(.code, id: String(code.id))
            case .document(let id): found = memos.on(.document, id: id)
            case .theme(let id): found = memos.on(.theme, id: id)
            case .themeGroup(let theme, let group): found = memos.on(.themeGroup, id: theme, group: group)
            }
            return try found.select(MemoRecord.Columns.text, as: String.self).fetchOne(db)
        }
    }

    /// Every memo of the project, for one overview: the project memo first, then memos on
    /// documents, themes, theme × group pairs and codes, then memos on codings in document order.
    public func memos() throws -> [MemoEntry] {
        try read { db in
            let codes = Dictionary(uniqueKeysWithValues: try Self.allCodes(db).map { ($0.id, $0) })
            let themes = Dictionary(
                try Row.fetchAll(db, sql: "SELECT id, label FROM theme").map { ($0["id"] as String, $0["label"] as String) },
                uniquingKeysWith: { first, _ in first })
            let order: [MemoTarget.Kind] = [.project, .document, .theme, .themeGroup, .code]
            var entries: [MemoEntry] = try MemoRecord.fetchAll(db).compactMap { memo in
                guard let kind = MemoTarget.Kind(rawValue: memo.targetKind) else { return nil }
                let label: String
                var target = memo.targetId
                switch kind {
                case .project: label = "Project"
                case .document: label = "Document '\(memo.targetId)'"
                case .theme: label = "Theme '\(themes[memo.targetId] ?? memo.targetId)'"
                case .themeGroup: label = "Theme '\(themes[memo.targetId] ?? memo.targetId)' / \(memo.groupName)"
                case .code:
                    let name = Int64(memo.targetId).flatMap { codes[$0]?.name } ?? memo.targetId
                    target = name
                    label = "Code '\(name)'"
                }
                return MemoEntry(
                    kind: kind.rawValue, target: target, group: kind == .themeGroup ? memo.groupName : nil, label: label, text: memo.text,
                    author: memo.author, updatedAt: memo.updatedAt)
            }
            entries.sort { a, b in
                let (x, y) = (order.firstIndex { $0.rawValue == a.kind } ?? 0, order.firstIndex { $0.rawValue == b.kind } ?? 0)
                return x != y ? x < y : (a.label, a.group ?? "") < (b.label, b.group ?? "")
            }
            let codings = try CodingRecord.filter(sql: "memo IS NOT NULL AND memo != ''").fetchAll(db).sorted {
                ($0.documentId, $0.startUtterance, $0.id ?? 0) < ($1.documentId, $1.startUtterance, $1.id ?? 0)
            }
            for coding in codings {
                let code = codes[coding.codeId]?.followingMerges { codes[$0] }.name ?? "?"
                entries.append(
                    MemoEntry(
                        kind: "coding", target: String(coding.id ?? 0),
                        label: "Coding '\(code)' on \(coding.documentId):\(coding.startUtterance) by \(coding.coder)",
                        document: coding.documentId, utterance: coding.startUtterance, text: coding.memo ?? "", author: nil,
                        updatedAt: coding.createdAt))
            }
            return entries
        }
    }

    /// Starts a coding round, recording which themes it deepens.
    ///
    /// Rounds only go forward, and a round's themes are set when it starts: starting the round that
    /// is under way again changes nothing (and says so); asking for other themes, or for an earlier
    /// round, is refused, since it would change the project without a step to undo.
    ///
    /// - Returns: Whether the round started now or was already under way.
    /// - Throws: `CodingError.invalidRound`, `.unknownTheme`, `.roundPassed` or `.roundThemesDiffer`.
    @discardableResult
    public func startRound(_ number: Int, themes: [String]) throws -> RoundStart {
        try write { db in
            try CodingRound.validate(number)
            for theme in themes { try Self.requireTheme(theme, db) }
            let started = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM codingRound")
            if let started, started > number { throw CodingError.roundPassed(requested: number, current: started) }
            if started == number {
                let current = try String.fetchAll(
                    db, sql: "SELECT themeId FROM roundTheme WHERE round = ? ORDER BY themeId", arguments: [number])
                guard themes.isEmpty || Set(themes) == Set(current) else {
                    throw CodingError.roundThemesDiffer(round: number, current: current, requested: themes.sorted())
                }
                return .alreadyUnderWay(themes: current)
            }
            for round in 1...number {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO codingRound(number, startedAt) VALUES (?, ?)", arguments: [round, Timestamp.now()])
            }
            for theme in themes {
                try db.execute(sql: "INSERT INTO roundTheme(round, themeId) VALUES (?, ?)", arguments: [number, theme])
            }
            return .started
        }
    }

    /// Coverage and changes per round, moderators left out.
    public func roundStatus() throws -> RoundStatus {
        let themes = try read { db in try String.fetchAll(db, sql: "SELECT themeId FROM roundTheme WHERE round = 2 ORDER BY themeId") }
        return RoundStatus(corpus: try codedCorpus(), roundTwoThemes: themes)
    }

    /// Marks a fragment as selected for interpretation (an exemplar for the report), with an optional note.
    ///
    /// - Returns: The stored, normalised fragment.
    /// - Throws: `CorpusError` or `CodingError` for a fragment outside the corpus.
    @discardableResult
    public func selectFragment(_ fragment: Fragment, note: String?, selected: Bool = true) throws -> Fragment {
        try write { db in
            let normalized = try FragmentValidator().normalize(fragment, db)
            if selected {
                try db.execute(
                    sql: """
                        INSERT INTO selectedFragment(documentId, startUtterance, startOffset, endUtterance, endOffset, note, selectedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO UPDATE SET note = excluded.note
                        """,
                    arguments: [
                        normalized.documentID, normalized.startUtterance, normalized.startOffset,
                        normalized.endUtterance, normalized.endOffset, note, Timestamp.now(),
                    ])
            } else {
                try db.execute(
                    sql: """
                        DELETE FROM selectedFragment WHERE documentId = ? AND startUtterance = ? AND IFNULL(startOffset, -1) = ?
                          AND endUtterance = ? AND IFNULL(endOffset, -1) = ?
                        """,
                    arguments: [
                        normalized.documentID, normalized.startUtterance, normalized.startOffset ?? -1,
                        normalized.endUtterance, normalized.endOffset ?? -1,
                    ])
            }
            return normalized
        }
    }
}
