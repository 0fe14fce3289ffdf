import Foundation
internal import GRDB

extension ProjectStore {
    /// Adds what a REFI-QDA import maps to `cda` in one transaction: all of it, or nothing.
    ///
    /// Codes are matched by the GUID the project keeps for them, else by active name, else created;
    /// documents already in the project with the same utterances are left as they are; codings go to
    /// the project's current round (REFI-QDA has no rounds), and adding a coding the project has
    /// adds nothing; a memo whose target already has one is kept as it was and reported.
    ///
    /// - Parameters:
    ///   - plan: What to add.
    ///   - file: The file imported, for messages.
    /// - Returns: What was added.
    /// - Throws: `ExchangeError.documentConflict` when a document id exists with other utterances,
    ///   `.invalidCodeName`, `CodingError`, `StoreError.database`; the project is unchanged then.
    public func importExchange(_ plan: ExchangeImportPlan, file: String) throws -> ExchangeImportCounts {
        try write { db in
            var counts = ExchangeImportCounts()
            let guids = try ExchangeGUIDWriter(db)
            for (name, guid) in plan.users.sorted(by: { $0.key < $1.key }) { try guids.keep(.user, name, guid) }
            counts.round = try Self.currentRound(db)
            let codes = try Self.importCodes(plan.codes, round: counts.round, file: file, guids: guids, db)
            let themes = try Self.importThemes(plan.themes, codeIDs: codes.ids, guids: guids, db)
            return
                counts
                .adding(codes.counts)
                .adding(try Self.importDocuments(plan.documents, file: file, guids: guids, db))
                .adding(try Self.importCodings(plan.codings, codeIDs: codes.ids, round: counts.round, guids: guids, db))
                .adding(try Self.importTimeSpanCodings(plan.timeSpanCodings, codeIDs: codes.ids, round: counts.round, guids: guids, db))
                .adding(themes.counts)
                .adding(try Self.importMemos(plan.memos, codes: plan.codes, codeIDs: codes.ids, themeIDs: themes.ids, guids: guids, db))
        }
    }

    /// Each code matched or created, in plan order; returns their ids.
    private static func importCodes(
        _ codes: [ExchangeImportPlan.CodeEntry], round: Int, file: String, guids: ExchangeGUIDWriter, _ db: Database
    ) throws -> (ids: [Int64], counts: ExchangeImportCounts) {
        var counts = ExchangeImportCounts()
        var codeIDs: [Int64] = []
        for entry in codes {
            if let code = try matchingCode(entry, db) {
                if code.description.isEmpty, !entry.description.isEmpty {
                    try db.execute(sql: "UPDATE code SET description = ? WHERE id = ?", arguments: [entry.description, code.id])
                }
                codeIDs.append(code.id)
                counts.codesMatched += 1
            } else {
                let code: Code
                do {
                    code = try createCode(
                        named: entry.name, origin: entry.origin, round: round, parentID: entry.parent.map { codeIDs[$0] }, db)
                } catch let error as CodingError {
                    guard case .controlCharacterInCodeName = error else { throw error }
                    throw ExchangeError.invalidCodeName(file: file, guid: entry.guid, message: error.description)
                }
                try db.execute(
                    sql: "UPDATE code SET description = ?, color = COALESCE(?, color) WHERE id = ?",
                    arguments: [entry.description, entry.color, code.id])
                codeIDs.append(code.id)
                counts.codesCreated += 1
            }
            try guids.keep(.code, String(codeIDs[codeIDs.count - 1]), entry.guid)
        }
        return (codeIDs, counts)
    }

    /// The active code a plan entry names: by the GUID the project keeps, else by name.
    private static func matchingCode(_ entry: ExchangeImportPlan.CodeEntry, _ db: Database) throws -> Code? {
        if let guid = entry.guid,
            let key = try SQLRequest<String>(
                literal: "SELECT key FROM exchangeGUID WHERE kind = \(ExchangeGUIDKey.Kind.code.rawValue) AND guid = \(guid)"
            )
            .fetchOne(db),
            let id = Int64(key), let active = try resolvedActiveCode(from: id, db), active.status == .active
        {
            return active
        }
        return try CodeRecord.all().active().named(entry.name).fetchOne(db)?.code
    }

    /// Each document added, or left as it is when the project has it with the same utterances.
    private static func importDocuments(
        _ documents: [ExchangeImportPlan.DocumentEntry], file: String, guids: ExchangeGUIDWriter, _ db: Database
    ) throws -> ExchangeImportCounts {
        var counts = ExchangeImportCounts()
        var speakers: Set<String> = []
        let vocabulary = VocabularyCache()
        for entry in documents {
            let document = entry.transcript.document
            let stored = try Row.fetchAll(
                db, sql: "SELECT speakerId, text FROM utterance WHERE documentId = ? ORDER BY idx", arguments: [document.id])
            if stored.isEmpty {
                _ = try insertTranscript(entry.transcript, replace: false, pseudonymize: false, vocabulary: vocabulary, db)
                counts.documentsAdded.append(document.id)
            } else if stored.map({ ($0["speakerId"] as String?) ?? "" }) == entry.transcript.utterances.map({ $0.speakerID ?? "" }),
                stored.map({ $0["text"] as String }) == entry.transcript.utterances.map(\.text)
            {
                counts.documentsUnchanged.append(document.id)
            } else {
                throw ExchangeError.documentConflict(file: file, document: document.id)
            }
            try guids.keep(.document, document.id, entry.guid)
            for (speaker, guid) in entry.speakerGUIDs.sorted(by: { $0.key < $1.key }) { try guids.keep(.speaker, speaker, guid) }
            speakers.formUnion(entry.transcript.speakers.map(\.id))
        }
        counts.speakers = speakers.count
        return counts
    }

    /// Each coding added to `round`; one the project has adds nothing, one outside its
    /// utterances is reported.
    private static func importCodings(
        _ codings: [ExchangeImportPlan.CodingEntry], codeIDs: [Int64], round: Int, guids: ExchangeGUIDWriter, _ db: Database
    ) throws -> ExchangeImportCounts {
        var counts = ExchangeImportCounts()
        let validator = FragmentValidator()
        let insert = try db.makeStatement(
            sql: """
                INSERT OR IGNORE INTO coding(codeId, documentId, startUtterance, startOffset, endUtterance, endOffset,
                                             round, coder, memo, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for entry in codings {
            let fragment: Fragment
            do {
                fragment = try validator.normalize(entry.fragment, db)
            } catch let error as CodingError {
                counts.notMapped.append("a coding of \(entry.fragment): \(error.description)")
                continue
            } catch let error as CorpusError {
                counts.notMapped.append("a coding of \(entry.fragment): \(error.description)")
                continue
            }
            let codeID = codeIDs[entry.code]
            let coder = entry.coder.isEmpty ? "analyst" : entry.coder
            try insert.execute(arguments: [
                codeID, fragment.documentID, fragment.startUtterance, fragment.startOffset, fragment.endUtterance,
                fragment.endOffset, round, coder, entry.memo, entry.createdAt ?? Timestamp.now(),
            ])
            if db.changesCount > 0 { counts.codingsAdded += 1 } else { counts.codingsPresent += 1 }
            try guids.keep(.selection, fragment.description, entry.selectionGUID)
            try guids.keep(.coding, "\(fragment)|\(codeID)|\(coder)", entry.guid)
        }
        return counts
    }

    /// Each time-span coding added to `round`; one the project has adds nothing. The recording
    /// is linked after the import, so the span is checked against it only by later codings.
    private static func importTimeSpanCodings(
        _ codings: [ExchangeImportPlan.TimeSpanCodingEntry], codeIDs: [Int64], round: Int, guids: ExchangeGUIDWriter, _ db: Database
    ) throws -> ExchangeImportCounts {
        var counts = ExchangeImportCounts()
        for entry in codings {
            let codeID = codeIDs[entry.code]
            let coder = entry.coder.isEmpty ? "analyst" : entry.coder
            var record = TimeSpanCodingRecord(
                codeID: codeID, span: entry.span, round: round, coder: coder, memo: entry.memo, at: entry.createdAt ?? Timestamp.now())
            try record.insert(db, onConflict: .ignore)
            if db.changesCount > 0 { counts.codingsAdded += 1 } else { counts.codingsPresent += 1 }
            try guids.keep(.selection, entry.span.description, entry.selectionGUID)
            try guids.keep(.coding, "\(entry.span)|\(codeID)|\(coder)", entry.guid)
        }
        return counts
    }

    /// Each theme matched by label or added, with its code mappings; returns the theme ids.
    private static func importThemes(
        _ themes: [ExchangeImportPlan.ThemeEntry], codeIDs: [Int64], guids: ExchangeGUIDWriter, _ db: Database
    ) throws -> (ids: [String], counts: ExchangeImportCounts) {
        var counts = ExchangeImportCounts()
        var themeIDs: [String] = []
        for entry in themes {
            let id: String
            if let existing = try String.fetchOne(db, sql: "SELECT id FROM theme WHERE label = ?", arguments: [entry.label]) {
                id = existing
            } else {
                id = try freeThemeID(entry.id, db)
                let position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) + 1 FROM theme") ?? 0
                try db.execute(
                    sql: "INSERT INTO theme(id, label, description, position) VALUES (?, ?, ?, ?)",
                    arguments: [id, entry.label, entry.description, position])
                counts.themesAdded += 1
            }
            themeIDs.append(id)
            try guids.keep(.theme, id, entry.guid)
            for code in entry.codes {
                guard let active = try resolvedActiveCode(from: codeIDs[code], db) else { continue }
                try db.execute(sql: "INSERT OR IGNORE INTO codeTheme(codeId, themeId) VALUES (?, ?)", arguments: [active.id, id])
                counts.mappingsAdded += db.changesCount
            }
        }
        return (themeIDs, counts)
    }

    /// `base`, or `base-2`, `base-3` … when a theme has that id.
    private static func freeThemeID(_ base: String, _ db: Database) throws -> String {
        var id = base
        var number = 2
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM theme WHERE id = ?", arguments: [id]) != nil {
            id = "\(base)-\(number)"
            number += 1
        }
        return id
    }

    /// Each memo added where its target has none; one that differs from an existing memo is reported.
    private static func importMemos(
        _ memos: [ExchangeImportPlan.MemoEntry], codes: [ExchangeImportPlan.CodeEntry], codeIDs: [Int64], themeIDs: [String],
        guids: ExchangeGUIDWriter, _ db: Database
    ) throws -> ExchangeImportCounts {
        var counts = ExchangeImportCounts()
        for memo in memos {
            let (target, group, label): (String, String, String)
            switch memo.target {
            case .project: (target, group, label) = ("", "", "the project")
            case .code(let index): (target, group, label) = (String(codeIDs[index]), "", "code '\(codes[index].name)'")
            case .document(let id): (target, group, label) = (id, "", "document '\(id)'")
            case .theme(let index): (target, group, label) = (themeIDs[index], "", "theme '\(themeIDs[index])'")
            case .themeGroup(let index, let name):
                (target, group, label) = (themeIDs[index], name, "theme '\(themeIDs[index])' and group '\(name)'")
            }
            let kind = memo.target.kind
            try MemoRecord(
                targetKind: kind.rawValue, targetId: target, groupName: group, text: memo.text, author: memo.author,
                updatedAt: Timestamp.now()
            ).insert(db, onConflict: .ignore)
            if db.changesCount > 0 {
                counts.memosAdded += 1
                try guids.keep(.note, "\(kind.rawValue):\(target):\(group)", memo.guid)
            } else if try MemoRecord.all().on(kind, id: target, group: group).select(MemoRecord.Columns.text, as: String.self)
                .fetchOne(db) != memo.text
            {
                counts.notMapped.append("the memo on \(label) was not imported: the project already has another one")
            }
        }
        return counts
    }
}

/// Keeps the GUIDs an import brings, for later exports.
private struct ExchangeGUIDWriter {
    let statement: Statement

    init(_ db: Database) throws {
        statement = try db.makeStatement(sql: "INSERT OR IGNORE INTO exchangeGUID(kind, key, guid) VALUES (?, ?, ?)")
    }

    /// Keeps `guid` for the item of `kind` with `key`, when there is one.
    func keep(_ kind: ExchangeGUIDKey.Kind, _ key: String, _ guid: String?) throws {
        if let guid { try statement.execute(arguments: [kind.rawValue, key, guid]) }
    }
}
