import Foundation
internal import GRDB

extension ProjectStore {
    /// Reads everything a REFI-QDA export needs and runs `body` on it, in one transaction; the
    /// GUIDs `body` makes for items that had none are stored in the same transaction, so every
    /// later export gives those items the same GUIDs.
    ///
    /// - Parameters:
    ///   - round: Only codings of this round, when given.
    ///   - body: Builds the export from the snapshot, asking the registry for GUIDs.
    /// - Throws: `CodingError.invalidRound`, `StoreError.database`, or what `body` throws.
    public func withExchangeSnapshot<T>(round: Int?, _ body: (ExchangeSnapshot, inout GUIDRegistry) throws -> T) throws -> T {
        try write { db in
            if let round { try CodingRound.validate(round) }
            let snapshot = try Self.exchangeSnapshot(round: round, db)
            var registry = GUIDRegistry(known: snapshot.guids)
            let result = try body(snapshot, &registry)
            let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO exchangeGUID(kind, key, guid) VALUES (?, ?, ?)")
            for (key, guid) in registry.created.sorted(by: { ($0.key.kind, $0.key.key) < ($1.key.kind, $1.key.key) }) {
                try insert.execute(arguments: [key.kind, key.key, guid])
            }
            return result
        }
    }

    private static func exchangeSnapshot(round: Int?, _ db: Database) throws -> ExchangeSnapshot {
        let documentAttributes = try attributes(db, table: "documentAttribute", owner: "documentId")
        let documents = try Row.fetchAll(db, sql: "SELECT * FROM document ORDER BY position").map { row in
            let id: String = row["id"]
            return Document(
                id: id, title: row["title"], format: DocumentFormat(rawValue: row["format"]) ?? .text,
                sourcePath: row["sourcePath"], contentHash: row["contentHash"], attributes: documentAttributes[id] ?? [:])
        }
        var utterances: [String: [Utterance]] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM utterance ORDER BY documentId, idx")
        while let row = try cursor.next() {
            utterances[row["documentId"], default: []].append(Utterance(
                index: row["idx"], speakerID: row["speakerId"], start: row["startTime"], end: row["endTime"],
                section: row["section"], text: row["text"], sourceReference: row["sourceReference"]))
        }
        let speakerAttributes = try attributes(db, table: "speakerAttribute", owner: "speakerId")
        let speakers = try Row.fetchAll(db, sql: "SELECT * FROM speaker ORDER BY id").map { row in
            let id: String = row["id"]
            return Speaker(id: id, name: row["name"], role: SpeakerRole(rawValue: row["role"]) ?? .participant,
                           attributes: speakerAttributes[id] ?? [:])
        }
        var codingSQL = "SELECT * FROM coding"
        var arguments: StatementArguments = []
        if let round {
            codingSQL += " WHERE round = ?"
            arguments += [round]
        }
        let codings = try Row.fetchAll(db, sql: codingSQL + " ORDER BY id", arguments: arguments).map { row in
            Coding(id: row["id"], codeID: row["codeId"], fragment: fragment(from: row), round: row["round"],
                   coder: row["coder"], memo: row["memo"], createdAt: row["createdAt"])
        }
        let mappings = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT codeId, themeId FROM codeTheme ORDER BY codeId"),
                                  by: { $0["themeId"] as String })
        let themes = try Row.fetchAll(db, sql: "SELECT * FROM theme ORDER BY position").map { row in
            let id: String = row["id"]
            return ExchangeSnapshot.Theme(id: id, label: row["label"], description: row["description"],
                                          codeIDs: mappings[id]?.map { $0["codeId"] } ?? [])
        }
        let memos = try Row.fetchAll(db, sql: "SELECT * FROM memo ORDER BY id").map { row in
            ExchangeSnapshot.Memo(kind: row["targetKind"], target: row["targetId"], group: row["groupName"], text: row["text"],
                                  author: row["author"], updatedAt: row["updatedAt"])
        }
        var guids: [ExchangeGUIDKey: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kind, key, guid FROM exchangeGUID") {
            guids[ExchangeGUIDKey(row["kind"], row["key"])] = row["guid"]
        }
        return ExchangeSnapshot(
            createdAt: try String.fetchOne(db, sql: "SELECT value FROM projectInfo WHERE key = 'createdAt'"),
            documents: documents, utterances: utterances, speakers: speakers,
            codes: try allCodes(db), codings: codings,
            themes: themes, memos: memos, rounds: Set(codings.map(\.round)),
            selectedFragments: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM selectedFragment") ?? 0,
            hasTermsOrQuestions: try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM themeTerm UNION ALL SELECT 1 FROM researchQuestion)") ?? false,
            guids: guids)
    }

    /// Adds what a REFI-QDA import maps to `cda` in one transaction: all of it, or nothing.
    ///
    /// Codes are matched by the GUID the project keeps for them, else by active name, else created;
    /// documents already in the project with the same utterances are left as they are; codings go to
    /// round 1, and adding a coding the project has adds nothing; a memo whose target already has
    /// one is kept as it was and reported.
    ///
    /// - Parameters:
    ///   - plan: What to add.
    ///   - result: The report to fill in.
    /// - Throws: `ExchangeError.documentConflict` when a document id exists with other utterances,
    ///   `CodingError`, `StoreError.database`; the project is unchanged then.
    public func importExchange(_ plan: ExchangeImportPlan, into result: inout ExchangeImportResult) throws {
        result = try write { db in
            var result = result
            let storeGUID = try db.makeStatement(sql: "INSERT OR IGNORE INTO exchangeGUID(kind, key, guid) VALUES (?, ?, ?)")
            func keep(_ kind: String, _ key: String, _ guid: String?) throws {
                if let guid { try storeGUID.execute(arguments: [kind, key, guid]) }
            }
            for (name, guid) in plan.users.sorted(by: { $0.key < $1.key }) { try keep("user", name, guid) }
            let round = try Self.currentRound(db)

            var codeIDs: [Int64] = []
            for entry in plan.codes {
                var matched: Code?
                if let guid = entry.guid,
                    let key = try String.fetchOne(db, sql: "SELECT key FROM exchangeGUID WHERE kind = 'code' AND guid = ?", arguments: [guid]),
                    let id = Int64(key), let active = try Self.resolvedActiveCode(from: id, db), active.status == .active
                {
                    matched = active
                }
                if matched == nil {
                    matched = try CodeRecord.all().active().named(entry.name).fetchOne(db)?.code
                }
                if let code = matched {
                    if code.description.isEmpty, !entry.description.isEmpty {
                        try db.execute(sql: "UPDATE code SET description = ? WHERE id = ?", arguments: [entry.description, code.id])
                    }
                    codeIDs.append(code.id)
                    result.codesMatched += 1
                } else {
                    let parent = entry.parent.map { codeIDs[$0] }
                    let code: Code
                    do {
                        code = try Self.createCode(named: entry.name, origin: entry.origin, round: round, parentID: parent, db)
                    } catch let error as CodingError {
                        guard case .controlCharacterInCodeName = error else { throw error }
                        throw ExchangeError.invalidCodeName(file: result.file, guid: entry.guid, message: error.description)
                    }
                    try db.execute(sql: "UPDATE code SET description = ?, color = COALESCE(?, color) WHERE id = ?",
                                   arguments: [entry.description, entry.color, code.id])
                    codeIDs.append(code.id)
                    result.codesCreated += 1
                }
                try keep("code", String(codeIDs.last!), entry.guid)
            }

            var speakers: Set<String> = []
            for entry in plan.documents {
                let document = entry.transcript.document
                let stored = try Row.fetchAll(db, sql: "SELECT speakerId, text FROM utterance WHERE documentId = ? ORDER BY idx", arguments: [document.id])
                if stored.isEmpty {
                    _ = try Self.insertTranscript(entry.transcript, replace: false, pseudonymize: false, db)
                    result.documentsAdded.append(document.id)
                } else if stored.map({ ($0["speakerId"] as String?) ?? "" }) == entry.transcript.utterances.map({ $0.speakerID ?? "" }),
                    stored.map({ $0["text"] as String }) == entry.transcript.utterances.map(\.text)
                {
                    result.documentsUnchanged.append(document.id)
                } else {
                    throw ExchangeError.documentConflict(file: result.file, document: document.id)
                }
                try keep("document", document.id, entry.guid)
                for (speaker, guid) in entry.speakerGUIDs.sorted(by: { $0.key < $1.key }) { try keep("speaker", speaker, guid) }
                speakers.formUnion(entry.transcript.speakers.map(\.id))
            }
            result.speakers = speakers.count

            let validator = FragmentValidator()
            let insert = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO coding(codeId, documentId, startUtterance, startOffset, endUtterance, endOffset,
                                             round, coder, memo, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
                """)
            for entry in plan.codings {
                let fragment: Fragment
                do {
                    fragment = try validator.normalize(entry.fragment, db)
                } catch let error as CodingError {
                    result.notMapped.append("a coding of \(entry.fragment): \(error.description)")
                    continue
                } catch let error as CorpusError {
                    result.notMapped.append("a coding of \(entry.fragment): \(error.description)")
                    continue
                }
                let codeID = codeIDs[entry.code]
                let coder = entry.coder.isEmpty ? "analyst" : entry.coder
                try insert.execute(arguments: [
                    codeID, fragment.documentID, fragment.startUtterance, fragment.startOffset, fragment.endUtterance,
                    fragment.endOffset, coder, entry.memo, entry.createdAt ?? Timestamp.now(),
                ])
                if db.changesCount > 0 { result.codingsAdded += 1 } else { result.codingsPresent += 1 }
                try keep("selection", fragment.description, entry.selectionGUID)
                try keep("coding", "\(fragment)|\(codeID)|\(coder)", entry.guid)
            }

            var themeIDs: [String] = []
            for entry in plan.themes {
                if let existing = try String.fetchOne(db, sql: "SELECT id FROM theme WHERE label = ?", arguments: [entry.label]) {
                    themeIDs.append(existing)
                } else {
                    var id = entry.id
                    var number = 2
                    while try Bool.fetchOne(db, sql: "SELECT 1 FROM theme WHERE id = ?", arguments: [id]) != nil {
                        id = "\(entry.id)-\(number)"
                        number += 1
                    }
                    let position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) + 1 FROM theme") ?? 0
                    try db.execute(sql: "INSERT INTO theme(id, label, description, position) VALUES (?, ?, ?, ?)",
                                   arguments: [id, entry.label, entry.description, position])
                    themeIDs.append(id)
                    result.themesAdded += 1
                }
                try keep("theme", themeIDs.last!, entry.guid)
                for code in entry.codes {
                    guard let active = try Self.resolvedActiveCode(from: codeIDs[code], db) else { continue }
                    try db.execute(sql: "INSERT OR IGNORE INTO codeTheme(codeId, themeId) VALUES (?, ?)", arguments: [active.id, themeIDs.last!])
                    result.mappingsAdded += db.changesCount
                }
            }

            for memo in plan.memos {
                let (kind, target, group, label): (String, String, String, String)
                switch memo.target {
                case .project: (kind, target, group, label) = ("project", "", "", "the project")
                case .code(let index): (kind, target, group, label) = ("code", String(codeIDs[index]), "", "code '\(plan.codes[index].name)'")
                case .document(let id): (kind, target, group, label) = ("document", id, "", "document '\(id)'")
                case .theme(let index): (kind, target, group, label) = ("theme", themeIDs[index], "", "theme '\(themeIDs[index])'")
                case .themeGroup(let index, let name):
                    (kind, target, group, label) = ("theme-group", themeIDs[index], name, "theme '\(themeIDs[index])' and group '\(name)'")
                }
                try db.execute(sql: """
                    INSERT INTO memo(targetKind, targetId, groupName, text, author, updatedAt) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(targetKind, targetId, groupName) DO NOTHING
                    """, arguments: [kind, target, group, memo.text, memo.author, Timestamp.now()])
                if db.changesCount > 0 {
                    result.memosAdded += 1
                    try keep("note", "\(kind):\(target):\(group)", memo.guid)
                } else if try String.fetchOne(db, sql: "SELECT text FROM memo WHERE targetKind = ? AND targetId = ? AND groupName = ?",
                                              arguments: [kind, target, group]) != memo.text {
                    result.notMapped.append("the memo on \(label) was not imported: the project already has another one")
                }
            }
            return result
        }
    }
}
