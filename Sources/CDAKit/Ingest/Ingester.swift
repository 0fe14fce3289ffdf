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
        /// The text encoding of text, SRT and VTT files (`--encoding`); `nil` detects it.
        public var encoding: TextEncoding?

        /// Creates options.
        public init(
            group: String? = nil, session: String? = nil, format: DocumentFormat? = nil, documentID: String? = nil,
            personsFile: String? = nil, speakerPattern: String? = nil, replace: Bool = false, pseudonymize: Bool = false, encoding: TextEncoding? = nil
        ) {
            self.group = group
            self.session = session
            self.format = format
            self.documentID = documentID
            self.personsFile = personsFile
            self.speakerPattern = speakerPattern
            self.replace = replace
            self.pseudonymize = pseudonymize
            self.encoding = encoding
        }
    }

    /// What happened to one file.
    public struct Outcome: Sendable, Hashable, Codable {
        /// The file.
        public var file: String
        /// `ingested`, `unchanged`, `replaced`, `skipped` or `failed`.
        public var status: String
        /// The document id, when the file was read.
        public var document: String?
        /// The format read.
        public var format: DocumentFormat?
        /// Utterances read.
        public var utterances: Int
        /// Speakers read.
        public var speakers: Int
        /// Words read.
        public var words: Int
        /// The error message, for a failed file.
        public var error: String?
        /// Why a file found in a directory was skipped (an XML file that is not a transcript).
        public var note: String?

        /// Whether the file failed.
        public var failed: Bool { error != nil }
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
    /// A file that fails leaves nothing behind; the others go on.
    ///
    /// - Returns: One outcome per file, in order.
    /// - Throws: `IngestError` only when the persons file cannot be read (nothing is ingested then).
    public func ingest(paths: [String]) throws(IngestError) -> [Outcome] {
        var persons: [String: Speaker] = [:]
        if let file = options.personsFile {
            persons = try PersonListReader.read(try SourceFile(contentsOf: file))
        }
        let readOptions = ReadOptions(documentID: options.documentID, speakerPattern: options.speakerPattern, persons: persons, encoding: options.encoding)
        return Self.expand(paths).map { ingestFile($0.path, foundInDirectory: $0.walked, options: readOptions) }
    }

    private func ingestFile(_ path: String, foundInDirectory: Bool, options readOptions: ReadOptions) -> Outcome {
        var outcome = Outcome(file: path, status: "failed", utterances: 0, speakers: 0, words: 0)
        do {
            let source = try SourceFile(contentsOf: path)
            let hash = source.contentHash
            if options.documentID == nil, !options.replace, options.group == nil, options.session == nil,
                let known = try store.documentID(withContentHash: hash, sourcePath: path)
            {
                // The same file was ingested before: nothing to read.
                outcome.document = known
                outcome.status = SaveOutcome.unchanged.rawValue
                return outcome
            }
            let format = try options.format ?? FormatDetector.format(of: source)
            var transcript = try FormatDetector.reader(for: format).read(source, options: readOptions)
            if let group = options.group { transcript.document.attributes["group"] = group }
            if let session = options.session { transcript.document.attributes["session"] = session }
            outcome.document = transcript.document.id
            outcome.format = format
            outcome.utterances = transcript.utterances.count
            outcome.speakers = Set(transcript.utterances.compactMap(\.speakerID)).count
            let counts = transcript.utterances.map { Tokenizer.counts($0.text) }
            outcome.words = counts.reduce(0) { $0 + $1.words }
            outcome.status = try store.save(transcript, replace: options.replace, pseudonymize: options.pseudonymize, counts: counts).rawValue
        } catch IngestError.unknownFormat(_, let detail) where foundInDirectory {
            outcome.status = "skipped"
            outcome.note = detail
        } catch {
            outcome.error = String(describing: error)
        }
        return outcome
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
