import Foundation
internal import GRDB

/// A problem `cda check` found.
public struct CheckFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The part of the project a finding is about.
    public enum Area: String, Sendable, Hashable, Codable {
        case integrity, utterance, coding, code, memo, theme, history
        case foreignKey = "foreign-key"
        case searchIndex = "search-index"
        case tokenIndex = "token-index"
    }

    /// The area: `integrity`, `foreign-key`, `utterance`, `coding`, `code`, `memo`, `theme`, `history`,
    /// `search-index`, `token-index`.
    public var kind: Area
    /// What is wrong, naming ids and positions.
    public var message: String

    /// `kind: message`.
    public var description: String { "\(kind.rawValue): \(message)" }
}

extension ProjectStore {
    /// Checks the file's integrity and the project's own invariants.
    ///
    /// - Returns: Every problem found; empty when the project is sound.
    /// - Complexity: Reads every row once and re-tokenises every utterance.
    public func check() throws -> [CheckFinding] {
        try read { db in
            var findings: [CheckFinding] = []
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                findings.append(.init(kind: .integrity, message: line))
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                findings.append(
                    .init(
                        kind: .foreignKey,
                        message:
                            "row \(row[1] as Int64? ?? 0) of '\(row[0] as String? ?? "?")' points at a missing row in '\(row[2] as String? ?? "?")'"
                    ))
            }
            // Utterances: contiguous indexes, stored counts match the text.
            var expected: [String: Int] = [:]
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT documentId, idx, text, wordCount, length FROM utterance ORDER BY documentId, idx")
            while let row = try cursor.next() {
                let document: String = row["documentId"]
                let index: Int = row["idx"]
                let text: String = row["text"]
                let next = (expected[document] ?? 0) + 1
                if index != next {
                    findings.append(.init(kind: .utterance, message: "document '\(document)' jumps from utterance \(next - 1) to \(index)"))
                }
                expected[document] = index
                if text.unicodeScalars.count != row["length"] as Int || Tokenizer.wordCount(text) != row["wordCount"] as Int {
                    findings.append(.init(kind: .utterance, message: "\(document):\(index) has stored counts that do not match its text"))
                }
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id FROM document d WHERE d.utteranceCount != (SELECT COUNT(*) FROM utterance u WHERE u.documentId = d.id)
                       OR d.wordCount != (SELECT COALESCE(SUM(wordCount), 0) FROM utterance u WHERE u.documentId = d.id)
                       OR d.speakerCount != (SELECT COUNT(DISTINCT speakerId) FROM utterance u WHERE u.documentId = d.id)
                    """)
            {
                findings.append(
                    .init(kind: .utterance, message: "document '\(row["id"] as String)' has stored totals that do not match its utterances")
                )
            }
            findings += try Self.searchIndexFindings(db)
            findings += try Self.tokenIndexFindings(db)
            // Codings inside their utterances.
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.documentId, c.startUtterance, c.startOffset, c.endUtterance, c.endOffset, s.length AS startLength, e.length AS endLength
                    FROM coding c
                    LEFT JOIN utterance s ON s.documentId = c.documentId AND s.idx = c.startUtterance
                    LEFT JOIN utterance e ON e.documentId = c.documentId AND e.idx = c.endUtterance
                    """)
            {
                let id: Int64 = row["id"]
                guard let startLength = row["startLength"] as Int?, let endLength = row["endLength"] as Int? else {
                    findings.append(.init(kind: .coding, message: "coding \(id) points at a missing utterance"))
                    continue
                }
                if let start = row["startOffset"] as Int?, let end = row["endOffset"] as Int? {
                    let same = (row["startUtterance"] as Int) == (row["endUtterance"] as Int)
                    if start > startLength || end > endLength || (same && start >= end) {
                        findings.append(.init(kind: .coding, message: "coding \(id) has offsets \(start)–\(end) outside its utterance(s)"))
                    }
                }
            }
            // Codes: merges end at a code that is not merged; parents exist and form no cycle.
            let codes = Dictionary(uniqueKeysWithValues: try Self.allCodes(db).map { ($0.id, $0) })
            for code in codes.values.sorted(by: { $0.id < $1.id }) {
                if code.followingMerges({ codes[$0] }).status == .merged {
                    findings.append(
                        .init(
                            kind: .code,
                            message: "code \(code.id) '\(code.name)' is merged into a code that is missing or merged in a cycle"))
                }
                var parent = code.parentID
                var depth = 0
                while let id = parent, depth <= codes.count {
                    guard let found = codes[id] else {
                        findings.append(.init(kind: .code, message: "code \(code.id) '\(code.name)' has a missing parent \(id)"))
                        break
                    }
                    parent = found.parentID
                    depth += 1
                }
                if depth > codes.count {
                    findings.append(.init(kind: .code, message: "code \(code.id) '\(code.name)' is its own ancestor"))
                }
            }
            // Memos and round themes point at things that exist.
            let kind = MemoTarget.Kind.self
            for row in try SQLRequest<Row>(
                literal: """
                    SELECT id, targetKind, targetId FROM memo m WHERE
                      (targetKind = \(kind.code.rawValue) AND NOT EXISTS (SELECT 1 FROM code WHERE CAST(id AS TEXT) = m.targetId))
                      OR (targetKind = \(kind.document.rawValue) AND NOT EXISTS (SELECT 1 FROM document WHERE id = m.targetId))
                      OR (targetKind IN (\(kind.theme.rawValue), \(kind.themeGroup.rawValue))
                          AND NOT EXISTS (SELECT 1 FROM theme WHERE id = m.targetId))
                    """
            ).fetchAll(db) {
                findings.append(
                    .init(
                        kind: .memo,
                        message: "memo \(row["id"] as Int64) is on a missing \(row["targetKind"] as String) '\(row["targetId"] as String)'")
                )
            }
            for themeID in try String.fetchAll(db, sql: "SELECT themeId FROM roundTheme WHERE themeId NOT IN (SELECT id FROM theme)") {
                findings.append(.init(kind: .theme, message: "round 2 names a missing theme '\(themeID)'"))
            }
            // History: every snapshot can be read. That the rows of the last step changed since is
            // not a fault (coding after a step changes them); `undo` checks that and refuses itself.
            for row in try Row.fetchAll(db, sql: "SELECT id, snapshot FROM history ORDER BY id") {
                if (try? JSONDecoder().decode(StepSnapshot.self, from: row["snapshot"] as Data)) == nil {
                    findings.append(.init(kind: .history, message: "step \(row["id"] as Int64) cannot be read"))
                }
            }
            return findings
        }
    }

    /// Copies the project to `destination` with SQLite's online backup API: safe while another
    /// process writes. The copy is written beside `destination` under a temporary name, checked
    /// (`PRAGMA quick_check`) and only then renamed into place, so a killed or failed backup never
    /// leaves a file that looks like one. The copy gets owner-only permissions.
    ///
    /// - Throws: `StoreError.projectExists` when `destination` exists, `.damaged` when the project
    ///   itself fails its check (a damaged project is not copied over a good backup), `.diskFull`,
    ///   `.permissionDenied` or `.database` when the copy fails.
    public func backup(to destination: String) throws {
        if FileManager.default.fileExists(atPath: destination) { throw StoreError.projectExists(path: destination) }
        guard try read({ db in try String.fetchAll(db, sql: "PRAGMA quick_check") }) == ["ok"] else {
            throw StoreError.damaged(path: path)
        }
        let temporary = AtomicFile.temporaryPath(beside: destination)
        guard AtomicFile.createOwnerOnly(atPath: temporary) else {
            let folder = (destination as NSString).deletingLastPathComponent
            if access(folder.isEmpty ? "." : folder, W_OK) != 0 && errno == EROFS { throw StoreError.readOnly(path: destination) }
            throw FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder)
                ? StoreError.permissionDenied(path: destination)
                : StoreError.database(path: destination, message: "the folder '\(folder)' does not exist")
        }
        do {
            let target = try DatabaseQueue(path: temporary)
            try database.backup(to: target)
            let verdict = try target.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            try target.close()
            guard verdict == ["ok"] else { throw StoreError.database(path: destination, message: "the copy failed its check") }
            guard link(temporary, destination) == 0 else {
                throw errno == EEXIST ? StoreError.projectExists(path: destination) : StoreError.permissionDenied(path: destination)
            }
            unlink(temporary)
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporary + suffix) }
            if let error = error as? StoreError { throw error }
            if let error = error as? DatabaseError { throw StoreError.from(error, path: destination) }
            throw StoreError.database(path: destination, message: Self.describe(error))
        }
    }
}
