import Foundation
internal import GRDB

/// Reads transcript files and stores them in a project, one transaction per file.
public struct Ingester: Sendable {
    /// Options of `cda ingest`.
    public struct Options: Sendable {
        /// Sets the document's `group`, overriding the file.
        public var group: String?
        /// Sets the document's `session`, overriding the file.
        public var session: String?
        /// Forces a format instead of detecting it.
        public var format: DocumentFormat?
        /// The document id, for a single file.
        public var documentID: String?
        /// A TEI person list to name speakers.
        public var personsFile: String?
        /// A custom turn pattern for plain text.
        public var speakerPattern: String?
        /// Whether a changed document may replace the stored one.
        public var replace: Bool
        /// Whether speaker labels are replaced by pseudonyms (`P01`, `M01`, …) before storing.
        public var pseudonymize: Bool
        /// The text encoding of text, SRT and VTT files; `nil` detects it.
        public var encoding: TextEncoding?
        /// Speaker labels, as if each file's header listed them (`--speakers`).
        public var speakers: [String]
        /// Moderator labels, as if each file's header named them (`--moderator`).
        public var moderators: [String]
        /// Whether to read and check everything and report it, writing nothing (`--dry-run`).
        public var dryRun: Bool
        /// What a revision of a coded document does with codings whose words are gone (`--on-conflict`).
        public var onConflict: RevisionPolicy = .refuse
        /// Who ingests, for the history of revisions.
        public var actor = "cda"

        /// Creates options.
        public init(
            group: String? = nil, session: String? = nil, format: DocumentFormat? = nil, documentID: String? = nil,
            personsFile: String? = nil, speakerPattern: String? = nil, replace: Bool = false, pseudonymize: Bool = false,
            encoding: TextEncoding? = nil, speakers: [String] = [], moderators: [String] = [], dryRun: Bool = false
        ) {
            self.encoding = encoding
            self.speakers = speakers
            self.moderators = moderators
            self.dryRun = dryRun
            self.group = group
            self.session = session
            self.format = format
            self.documentID = documentID
            self.personsFile = personsFile
            self.speakerPattern = speakerPattern
            self.replace = replace
            self.pseudonymize = pseudonymize
        }
    }

    private let store: ProjectStore
    private let options: Options

    /// Creates an ingester for a project.
    public init(store: ProjectStore, options: Options) {
        self.store = store
        self.options = options
    }

    /// Ingests files and directories; directories are walked recursively for transcript files.
    ///
    /// Files are read (parsed and tokenised) on all cores, a few ahead of the one being stored, so
    /// that reading overlaps with storing and only a few transcripts are in memory at once. The
    /// whole run is one write transaction and each file a savepoint in it: a file that fails
    /// leaves nothing behind and the others go on, and a crash leaves every file all there or not
    /// there at all. When two files claim one document id, the run is rolled back and nothing
    /// is ingested. With `dryRun` each file is stored in a transaction that is rolled back, so the
    /// outcomes (and the errors) are exactly those of a real ingest and nothing is written.
    ///
    /// - Returns: One outcome per file, in order.
    /// - Throws: `IngestError` when the persons file cannot be read, or `.documentIDCollision` when
    ///   two files would become one document; nothing is ingested then.
    public func ingest(paths: [String]) throws(IngestError) -> [Outcome] {
        var persons: [String: Speaker] = [:]
        var personsHash: String?
        if let file = options.personsFile {
            let source = try SourceFile(contentsOf: file)
            persons = try PersonListReader.read(source)
            personsHash = source.contentHash
        }
        // Without the stored files' keys (an unreadable project) every file is read again; storing
        // still finds an unchanged document unchanged, and meets and reports the project's problem.
        let reader = FileReader(
            options: options,
            readOptions: ReadOptions(
                documentID: options.documentID, speakerPattern: options.speakerPattern, persons: persons,
                encoding: options.encoding, speakers: options.speakers, moderators: options.moderators),
            fingerprint: options.fingerprint(personsHash: personsHash),
            stored: (try? store.storedFiles()) ?? [:])
        XMLStreamReader.prepareForThreads()
        let files = Self.expand(paths)
        if options.dryRun {
            let prepared = files.concurrentMap { reader.prepare($0.path, foundInDirectory: $0.walked) }
            try Self.checkCollisions(prepared.map(\.outcome))
            return prepared.map { rehearse($0, fingerprint: reader.fingerprint) }
        }
        var run = Run()
        var committed = false
        do {
            try store.bulkLoad {
                try store.writeInOneTransaction { db in try storeAll(files, reader: reader, run: &run, db) }
                committed = true
            }
        } catch let collision as IngestError where !committed {
            throw collision
        } catch  where committed {
            // Committed, but the final checkpoint failed: the files are in the project's log.
            for index in run.outcomes.indices where run.outcomes[index].stored {
                run.outcomes[index].note = "stored, but the final write-through to the disk failed (\(error)); run 'cda check'"
            }
        } catch {
            return run.rolledBack(because: error, files: files.map(\.path))
        }
        return run.outcomes
    }

    /// What a run has stored so far.
    private struct Run {
        var outcomes: [Outcome] = []
        /// The outcome of each file as read, before storing: what decides a collision.
        var read: [Outcome] = []

        /// The outcomes after the run's transaction was rolled back: no file was stored, and the
        /// files after the one that stopped the run were not read.
        func rolledBack(because error: any Error, files: [String]) -> [Outcome] {
            let reason = "the ingest was rolled back (\(error)); nothing was written"
            return files.indices.map { index in
                guard index < outcomes.count else {
                    var outcome = Outcome(file: files[index], status: "failed", dryRun: false)
                    outcome.error = "\(files[index]): not read, because \(reason)"
                    return outcome
                }
                var outcome = outcomes[index]
                guard outcome.stored else { return outcome }
                outcome.status = "failed"
                outcome.error = "\(outcome.file): not stored, because \(reason)"
                return outcome
            }
        }
    }

    /// Reads and stores every file inside the run's transaction, a few files read ahead.
    private func storeAll(_ files: [(path: String, walked: Bool)], reader: FileReader, run: inout Run, _ db: Database) throws {
        var claimed: Set<String> = []
        var collided = false
        try files.pipelined(window: 8) { file in
            reader.prepare(file.path, foundInDirectory: file.walked)
        } consume: { prepared in
            run.read.append(prepared.outcome)
            if let id = prepared.outcome.document, !prepared.outcome.failed, !claimed.insert(id).inserted {
                collided = true
            }
            // After a collision the rest is only read, to name every file that claims the id.
            run.outcomes.append(collided ? prepared.outcome : try store(prepared, fingerprint: reader.fingerprint, db))
        }
        if collided { try Self.checkCollisions(run.read) }
    }

    /// Stores one file in a savepoint of the run's transaction.
    ///
    /// - Throws: When SQLite rolled the whole transaction back (a full disk, an I/O error): the
    ///   files stored before are gone too, and the run must stop.
    private func store(_ prepared: Prepared, fingerprint: String, _ db: Database) throws -> Outcome {
        var outcome = prepared.outcome
        guard let transcript = prepared.transcript else { return outcome }
        do {
            let saved = try store.saveRevising(
                transcript, replace: options.replace, pseudonymize: options.pseudonymize, words: prepared.words,
                readOptions: fingerprint, onConflict: options.onConflict, actor: options.actor, savepointIn: db)
            record(saved, in: &outcome)
        } catch {
            guard db.isInsideTransaction else { throw error }
            outcome.status = "failed"
            outcome.error = String(describing: (error as? DatabaseError).map { StoreError.from($0, path: store.path) } ?? error)
        }
        return outcome
    }

    /// Stores one file in a transaction that is rolled back (`--dry-run`).
    private func rehearse(_ prepared: Prepared, fingerprint: String) -> Outcome {
        var outcome = prepared.outcome
        guard let transcript = prepared.transcript else { return outcome }
        do {
            let saved = try store.saveRevising(
                transcript, replace: options.replace, pseudonymize: options.pseudonymize, words: prepared.words,
                readOptions: fingerprint, onConflict: options.onConflict, actor: options.actor, dryRun: true)
            record(saved, in: &outcome)
        } catch {
            outcome.status = "failed"
            outcome.error = String(describing: error)
        }
        return outcome
    }

    private func record(_ saved: (outcome: SaveOutcome, revision: DocumentRevision?), in outcome: inout Outcome) {
        outcome.status = saved.outcome.rawValue
        outcome.revision = saved.revision
        if let revision = saved.revision, revision.isRefused {
            outcome.error = Self.refusal(revision, file: outcome.file)
        }
    }

    /// The message of a refused revision: one line per coding without counterpart.
    static func refusal(_ revision: DocumentRevision, file: String) -> String {
        let count = revision.conflicts.count
        return
            (["\(file): revising '\(revision.documentID)' would leave \(count) coding(s) without counterpart; nothing was written"]
            + revision.conflictLines(file: file)).joined(separator: "\n")
    }

    /// Refuses two files that would be stored as one document, naming both.
    static func checkCollisions(_ outcomes: [Outcome]) throws(IngestError) {
        var files: [String: [String]] = [:]
        var order: [String] = []
        for outcome in outcomes where !outcome.failed {
            guard let id = outcome.document else { continue }
            if files[id] == nil { order.append(id) }
            files[id, default: []].append(outcome.file)
        }
        if let id = order.first(where: { files[$0]!.count > 1 }) {
            throw .documentIDCollision(documentID: id, files: files[id]!)
        }
    }

    /// The files named by `paths`, directories expanded to their transcript files in sorted order.
    static func expand(_ paths: [String]) -> [(path: String, walked: Bool)] {
        var files: [(path: String, walked: Bool)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append((path, false))
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { relative in
                    !relative.split(separator: "/").contains { $0.hasPrefix(".") }
                        && FormatDetector.transcriptExtensions.contains((relative as NSString).pathExtension.lowercased())
                }
                .sorted()
            files.append(contentsOf: found.map { (path: "\(base)/\($0)", walked: true) })
        }
        return files
    }
}
