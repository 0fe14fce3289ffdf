import Foundation

/// Exports and imports REFI-QDA codebooks (`.qdc`) and projects (`.qdpx`), and validates them.
///
/// Positions in exported plain texts are Unicode scalar (code point) offsets from 0, end
/// exclusive, as REFI-QDA 1.5 §10.2 counts them; see `PlainTextLayout` for the layout.
public enum REFIExchange {
    /// How an import reads its file.
    public struct ImportOptions: Sendable {
        /// The schemas to validate against; `nil` imports without schema validation.
        public var schemas: REFISchemas?
        /// Whether a file failing the schema is imported as far as it is valid.
        public var lenient: Bool
        /// Who imports: the coder of codings that name no user, the author of memos that name none.
        public var actor: String
        /// Limits against archive bombs.
        public var limits: QDPXLimits
        /// The unit of every source's positions, or `nil` to decide per source by evidence.
        public var positions: PositionUnit?
        /// How source texts are read.
        public var sources: SourceReading

        /// Creates options.
        public init(
            schemas: REFISchemas?, lenient: Bool = false, actor: String, limits: QDPXLimits = QDPXLimits(),
            positions: PositionUnit? = nil, sources: SourceReading = .auto
        ) {
            self.schemas = schemas
            self.lenient = lenient
            self.actor = actor
            self.limits = limits
            self.positions = positions
            self.sources = sources
        }
    }

    /// The largest `project.qde` or `.qdc` file read: 256 MiB.
    static let xmlSizeLimit = 256 << 20

    /// Writes the project as a `.qdpx` archive: `project.qde` and one UTF-8 plain text per document.
    /// A project with codes but no documents is written as a codebook-only project.
    ///
    /// - Parameters:
    ///   - store: The project.
    ///   - path: The archive to write (replaced atomically).
    ///   - round: Only codings of this round, when given.
    ///   - positions: The unit of selection positions: code points (the standard's characters), or
    ///     UTF-16 code units for tools that count those.
    ///   - schemas: When given, `project.qde` is validated before anything is written.
    /// - Throws: `ExchangeError.nothingToExport` (no documents and no codes), `.schemaViolations`,
    ///   `.writeFailed`, `CodingError.invalidRound`.
    public static func exportProject(
        _ store: ProjectStore, to path: String, round: Int? = nil, positions: PositionUnit = .codePoints, schemas: REFISchemas?
    ) throws -> ExchangeExportResult {
        let name = projectName(store)
        var recordings: [String: (link: MediaLink, file: String)] = [:]
        var missing: [String] = []
        for link in try store.mediaLinks() {
            if link.found { recordings[link.documentID] = (link, store.mediaFile(of: link)) } else { missing.append(link.documentID) }
        }
        let output = try store.withExchangeSnapshot(round: round) { snapshot, registry in
            var exporter = ExchangeExporter(snapshot: snapshot, registry: registry, positions: positions)
            exporter.recordings = recordings
            defer { registry = exporter.registry }
            return exporter.export(name: name)
        }
        guard !output.project.sources.isEmpty || !output.project.codes.isEmpty else {
            throw ExchangeError.nothingToExport(file: path, what: "documents or codes")
        }
        let xml = output.project.projectXML()
        if let schemas {
            try check(xml, named: "\(path)/project.qde", schema: schemas.projectSchema)
        }
        try QDPXArchive.write([("project.qde", xml)] + output.files, files: output.recordings, to: path)
        var omitted = output.omitted
        if !missing.isEmpty {
            omitted.append(
                "the recordings of \(missing.joined(separator: ", ")) are not where the project says and are left out "
                    + "(find them with 'cda media relink FOLDER')")
        }
        if positions == .utf16 && !output.project.sources.isEmpty {
            omitted.append("positions are written in UTF-16 code units, not the standard's code points, as asked")
        }
        return ExchangeExportResult(file: path, counts: output.counts, omitted: omitted, validatedWith: schemas?.projectSchema)
    }

    /// Writes the code system and themes as a `.qdc` codebook.
    ///
    /// - Throws: `ExchangeError.nothingToExport` (no codes), `.schemaViolations`, `.writeFailed`.
    public static func exportCodebook(_ store: ProjectStore, to path: String, schemas: REFISchemas?) throws -> ExchangeExportResult {
        let name = projectName(store)
        let output = try store.withExchangeSnapshot(round: nil) { snapshot, registry in
            var exporter = ExchangeExporter(snapshot: snapshot, registry: registry)
            defer { registry = exporter.registry }
            return exporter.exportCodebook(name: name)
        }
        guard !output.project.codes.isEmpty else { throw ExchangeError.nothingToExport(file: path, what: "codes") }
        let xml = output.project.codebookXML()
        if let schemas { try check(xml, named: path, schema: schemas.codebookSchema) }
        do {
            try AtomicFile.write(xml, to: path)
        } catch let error as AtomicFile.WriteError {
            throw ExchangeError.writeFailed(file: path, reason: error.reason)
        }
        return ExchangeExportResult(file: path, counts: output.counts, omitted: output.omitted, validatedWith: schemas?.codebookSchema)
    }

    static func projectName(_ store: ProjectStore) -> String {
        ((store.path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    static func readXML(_ path: String) throws -> SourceFile {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > xmlSizeLimit {
            throw IngestError.fileTooLarge(SourceLocation(file: path), bytes: size, limit: xmlSizeLimit)
        }
        return try SourceFile(contentsOf: path)
    }

    /// Validates `xml` that `cda` wrote; a violation is a bug, so nothing is written then.
    static func check(_ xml: String, named name: String, schema: String) throws {
        let violations = try XMLSchemaValidator.refi(schema).validate(SourceFile(path: name, bytes: Array(xml.utf8)))
        if !violations.isEmpty { throw ExchangeError.schemaViolations(file: name, schema: schema, violations: violations) }
    }
}
