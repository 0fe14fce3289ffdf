import Foundation
internal import GRDB

extension ProjectStore {
    /// Links the recording at `file` to a document, replacing its earlier link, in one transaction.
    ///
    /// The header gives the duration; the whole file is hashed (SHA-256) so that `relinkMedia` can
    /// find it after a move. The recording is never copied into the project.
    ///
    /// - Parameters:
    ///   - documentID: the document.
    ///   - file: the recording, absolute or relative to the current folder.
    ///   - offset: where the transcript's time zero falls in the recording, in seconds.
    /// - Returns: the new link and the one it replaced, if any.
    /// - Throws: `MediaError` (unreadable, unknown or damaged file, bad offset),
    ///   `CorpusError.unknownDocument`, `StoreError`.
    @discardableResult
    public func linkMedia(documentID: String, file: String, offset: Double = 0) throws -> (link: MediaLink, replaced: MediaLink?) {
        guard offset.isFinite else { throw MediaError.invalidOffset(offset) }
        try requireDocument(documentID)
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder), isFolder.boolValue {
            throw MediaError.unreadable(file: file, reason: "it is a folder")
        }
        let info = try MediaInfo.read(path: absolute, file: file)
        guard let size = Self.fileSize(absolute), let digest = SHA256.hexDigest(ofFileAt: absolute) else {
            throw MediaError.unreadable(file: file, reason: "reading it to the end failed")
        }
        let record = MediaLinkRecord(
            documentId: documentID, path: storedPath(absolute), size: size, duration: info.duration, format: info.format.rawValue,
            kind: info.kind.rawValue, sha256: digest, timeOffset: offset, linkedAt: Timestamp.now())
        let replaced = try write { db in
            try Self.requireDocument(documentID, db)
            let old = try MediaLinkRecord.all().of(documentID).fetchOne(db)
            try record.save(db)
            return old
        }
        return (link(record), replaced.map(link))
    }

    /// Every linked recording, in document order, each checked for being where the project says.
    ///
    /// - Throws: `StoreError`.
    public func mediaLinks() throws -> [MediaLink] {
        try read { db in
            try MediaLinkRecord.fetchAll(
                db, sql: "SELECT m.* FROM mediaLink m JOIN document d ON d.id = m.documentId ORDER BY d.position, d.id")
        }.map(link)
    }

    /// The recording linked to one document, or `nil` when it has none.
    ///
    /// - Throws: `CorpusError.unknownDocument`, `StoreError`.
    public func mediaLink(of documentID: String) throws -> MediaLink? {
        try read { db in
            try Self.requireDocument(documentID, db)
            return try MediaLinkRecord.all().of(documentID).fetchOne(db)
        }.map(link)
    }

    /// Removes a document's link (the recording itself is left alone).
    ///
    /// - Returns: the removed link.
    /// - Throws: `MediaError.notLinked`, `CorpusError.unknownDocument`, `StoreError`.
    @discardableResult
    public func unlinkMedia(documentID: String) throws -> MediaLink {
        let removed = try write { db in
            try Self.requireDocument(documentID, db)
            guard let old = try MediaLinkRecord.all().of(documentID).fetchOne(db) else {
                throw MediaError.notLinked(documentID: documentID)
            }
            try old.delete(db)
            return old
        }
        return link(removed)
    }

    /// The absolute path of a link's recording.
    public func mediaFile(of link: MediaLink) -> String {
        link.path.hasPrefix("/") ? link.path : projectFolder + "/" + link.path
    }

    /// Finds recordings that are no longer where the project says, by SHA-256, among the files
    /// below `folder`; only files of a missing recording's size are hashed. All found links change
    /// in one transaction.
    ///
    /// - Throws: `MediaError.unreadable` when the folder cannot be read, `StoreError`.
    public func relinkMedia(folder: String) throws -> MediaRelinkResult {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            throw MediaError.unreadable(file: folder, reason: "no such folder")
        }
        let links = try mediaLinks()
        let missing = links.filter { !$0.found }
        var found: [String: String] = [:]  // SHA-256 → absolute path
        let sizes = Set(missing.map(\.size))
        let wanted = Set(missing.map(\.sha256))
        for candidate in Self.files(below: root) where found.count < wanted.count {
            guard let size = Self.fileSize(candidate), sizes.contains(size), let digest = SHA256.hexDigest(ofFileAt: candidate),
                wanted.contains(digest), found[digest] == nil
            else { continue }
            found[digest] = candidate
        }
        var moves: [MediaRelinkResult.Move] = []
        var stillMissing: [String] = []
        for link in missing {
            if let path = found[link.sha256] {
                moves.append(.init(documentID: link.documentID, from: link.path, to: storedPath(path)))
            } else {
                stillMissing.append(link.documentID)
            }
        }
        if !moves.isEmpty {
            try write { db in
                for move in moves {
                    try db.execute(
                        sql: "UPDATE mediaLink SET path = ? WHERE documentId = ? AND path = ?",
                        arguments: [move.to, move.documentID, move.from])
                }
            }
        }
        return MediaRelinkResult(relinked: moves, missing: stillMissing, unchanged: links.count - missing.count)
    }

    /// The folder of the project file, absolute.
    var projectFolder: String {
        URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
    }

    /// `absolute` relative to the project's folder when it lies below it, else unchanged.
    func storedPath(_ absolute: String) -> String {
        let folder = projectFolder.hasSuffix("/") ? projectFolder : projectFolder + "/"
        return absolute.hasPrefix(folder) ? String(absolute.dropFirst(folder.count)) : absolute
    }

    private func link(_ record: MediaLinkRecord) -> MediaLink {
        var link = MediaLink(
            documentID: record.documentId, path: record.path, size: record.size, duration: record.duration,
            format: MediaFormat(rawValue: record.format) ?? .wav, kind: MediaKind(rawValue: record.kind) ?? .audio,
            sha256: record.sha256, offset: record.timeOffset, linkedAt: record.linkedAt, found: false)
        link.found = Self.fileSize(mediaFile(of: link)) == record.size
        return link
    }

    private func requireDocument(_ documentID: String) throws {
        try read { db in try Self.requireDocument(documentID, db) }
    }

    static func requireDocument(_ documentID: String, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [documentID]) == nil else { return }
        let known = try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY position")
        throw CorpusError.unknownDocument(documentID, suggestion: NameSuggester.closest(to: documentID, among: known))
    }

    /// The size of a regular file, or nil when there is none.
    private static func fileSize(_ path: String) -> Int64? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular
        else { return nil }
        return (attributes[.size] as? NSNumber)?.int64Value
    }

    /// The regular files below `folder`, in a stable order, hidden ones left out.
    private static func files(below folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(
            at: URL(fileURLWithPath: folder), includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        var result: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { result.append(url.path) }
        }
        return result.sorted()
    }
}
