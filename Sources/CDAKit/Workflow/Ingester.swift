import Foundation

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
    /// Every file is read first, on all cores (read, parsed and tokenised); then, when no two files
    /// claim one document id, each is stored in its own transaction. A file that fails leaves nothing behind; the others go on. With `dryRun`
    /// each file is stored in a transaction that is rolled back, so the outcomes (and the errors)
    /// are exactly those of a real ingest and nothing is written.
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
        let readOptions = ReadOptions(
            documentID: options.documentID, speakerPattern: options.speakerPattern, persons: persons,
            encoding: options.encoding, speakers: options.speakers, moderators: options.moderators)
        let fingerprint = options.fingerprint(personsHash: personsHash)
        XMLStreamReader.prepareForThreads()
        let prepared = Self.expand(paths).concurrentMap { file in
            prepare(file.path, foundInDirectory: file.walked, options: readOptions, fingerprint: fingerprint)
        }
        try Self.checkCollisions(prepared.map(\.outcome))
        guard !options.dryRun else { return prepared.map { save($0, fingerprint: fingerprint) } }
        var outcomes: [Outcome] = []
        do {
            try store.bulkLoad { outcomes = prepared.map { save($0, fingerprint: fingerprint) } }
        } catch {
            // Each file was stored in its own transaction, or (when the setting failed) none was
            // tried: then store them the ordinary way, which meets and reports the same problem.
            if outcomes.isEmpty { return prepared.map { save($0, fingerprint: fingerprint) } }
            for index in outcomes.indices where outcomes[index].error == nil {
                outcomes[index].note = "stored, but the final write-through to the disk failed (\(error)); run 'cda check'"
            }
        }
        return outcomes
    }

    /// A file read and not yet stored.
    private struct Prepared: Sendable {
        var outcome: Outcome
        var transcript: Transcript?
        var words: TranscriptWords?
    }

    private func prepare(_ path: String, foundInDirectory: Bool, options readOptions: ReadOptions, fingerprint: String) -> Prepared {
        var outcome = Outcome(file: path, status: "failed", dryRun: options.dryRun)
        do {
            let source = try SourceFile(contentsOf: path)
            if options.documentID == nil, !options.replace,
                let known = try store.unchangedDocument(contentHash: source.contentHash, sourcePath: path, readOptions: fingerprint)
            {
                // The same bytes were read before with the same options: nothing to read.
                outcome.status = SaveOutcome.unchanged.rawValue
                outcome.document = known.id
                outcome.format = known.format
                outcome.utterances = known.utterances
                outcome.speakers = known.speakers
                outcome.words = known.words
                return Prepared(outcome: outcome)
            }
            let format = try options.format ?? FormatDetector.format(of: source)
            var transcript = try FormatDetector.reader(for: format).read(source, options: readOptions)
            if let group = options.group { transcript.document.attributes["group"] = group }
            if let session = options.session { transcript.document.attributes["session"] = session }
            let words = TranscriptWords(transcript)
            outcome.describe(transcript, format: format, counts: words.counts)
            outcome.status = "read"
            return Prepared(outcome: outcome, transcript: transcript, words: words)
        } catch IngestError.unknownFormat(_, let detail) where foundInDirectory {
            outcome.status = "skipped"
            outcome.note = detail
        } catch {
            outcome.error = String(describing: error)
        }
        return Prepared(outcome: outcome)
    }

    private func save(_ prepared: Prepared, fingerprint: String) -> Outcome {
        var outcome = prepared.outcome
        guard let transcript = prepared.transcript else { return outcome }
        do {
            let saved = try store.saveRevising(
                transcript, replace: options.replace, pseudonymize: options.pseudonymize, words: prepared.words,
                readOptions: fingerprint, onConflict: options.onConflict, actor: options.actor, dryRun: options.dryRun)
            outcome.status = saved.outcome.rawValue
            outcome.revision = saved.revision
            if let revision = saved.revision, revision.isRefused {
                outcome.error = Self.refusal(revision, file: outcome.file)
            }
        } catch {
            outcome.status = "failed"
            outcome.error = String(describing: error)
        }
        return outcome
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
