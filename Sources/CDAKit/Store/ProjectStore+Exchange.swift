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
            for (key, guid) in registry.created.sorted(by: { ($0.key.kind.rawValue, $0.key.key) < ($1.key.kind.rawValue, $1.key.key) }) {
                try insert.execute(arguments: [key.kind.rawValue, key.key, guid])
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
            utterances[row["documentId"], default: []].append(
                Utterance(
                    index: row["idx"], speakerID: row["speakerId"], start: row["startTime"], end: row["endTime"],
                    section: row["section"], text: row["text"], sourceReference: row["sourceReference"]))
        }
        let speakerAttributes = try attributes(db, table: "speakerAttribute", owner: "speakerId")
        let speakers = try Row.fetchAll(db, sql: "SELECT * FROM speaker ORDER BY id").map { row in
            let id: String = row["id"]
            return Speaker(
                id: id, name: row["name"], role: SpeakerRole(rawValue: row["role"]) ?? .participant,
                attributes: speakerAttributes[id] ?? [:])
        }
        var codingSQL = "SELECT * FROM coding"
        var arguments: StatementArguments = []
        if let round {
            codingSQL += " WHERE round = ?"
            arguments += [round]
        }
        let codings = try Row.fetchAll(db, sql: codingSQL + " ORDER BY id", arguments: arguments).map { row in
            Coding(
                id: row["id"], codeID: row["codeId"], fragment: fragment(from: row), round: row["round"],
                coder: row["coder"], memo: row["memo"], createdAt: row["createdAt"])
        }
        let mappings = Dictionary(
            grouping: try Row.fetchAll(db, sql: "SELECT codeId, themeId FROM codeTheme ORDER BY codeId"),
            by: { $0["themeId"] as String })
        let themes = try Row.fetchAll(db, sql: "SELECT * FROM theme ORDER BY position").map { row in
            let id: String = row["id"]
            return ExchangeSnapshot.Theme(
                id: id, label: row["label"], description: row["description"],
                codeIDs: mappings[id]?.map { $0["codeId"] } ?? [])
        }
        let memos = try Row.fetchAll(db, sql: "SELECT * FROM memo ORDER BY id").map { row in
            ExchangeSnapshot.Memo(
                kind: row["targetKind"], target: row["targetId"], group: row["groupName"], text: row["text"],
                author: row["author"], updatedAt: row["updatedAt"])
        }
        var guids: [ExchangeGUIDKey: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kind, key, guid FROM exchangeGUID") {
            // A kind this version does not know (written by a later one) is left alone.
            guard let kind = ExchangeGUIDKey.Kind(rawValue: row["kind"]) else { continue }
            guids[ExchangeGUIDKey(kind, row["key"])] = row["guid"]
        }
        let timeSpanCodings = try timeSpanCodings(of: nil, round: round, db)
        return ExchangeSnapshot(
            createdAt: try String.fetchOne(db, sql: "SELECT value FROM projectInfo WHERE key = 'createdAt'"),
            documents: documents, utterances: utterances, speakers: speakers,
            codes: try allCodes(db), codings: codings,
            themes: themes, memos: memos, rounds: Set(codings.map(\.round) + timeSpanCodings.map(\.round)),
            selectedFragments: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM selectedFragment") ?? 0,
            hasTermsOrQuestions: try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM themeTerm UNION ALL SELECT 1 FROM researchQuestion)") ?? false,
            guids: guids, timeSpanCodings: timeSpanCodings)
    }
}
