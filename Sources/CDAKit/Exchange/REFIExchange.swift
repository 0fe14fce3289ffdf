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

        /// Creates options.
        public init(schemas: REFISchemas?, lenient: Bool = false, actor: String, limits: QDPXLimits = QDPXLimits()) {
            self.schemas = schemas
            self.lenient = lenient
            self.actor = actor
            self.limits = limits
        }
    }

    /// The largest `project.qde` or `.qdc` file read: 256 MiB.
    static let xmlSizeLimit = 256 << 20

    /// Writes the project as a `.qdpx` archive: `project.qde` and one UTF-8 plain text per document.
    ///
    /// - Parameters:
    ///   - store: The project.
    ///   - path: The archive to write (replaced atomically).
    ///   - round: Only codings of this round, when given.
    ///   - schemas: When given, `project.qde` is validated before anything is written.
    /// - Throws: `ExchangeError.nothingToExport`, `.schemaViolations`, `.writeFailed`, `CodingError.invalidRound`.
    public static func exportProject(_ store: ProjectStore, to path: String, round: Int? = nil, schemas: REFISchemas?) throws -> ExchangeExportResult {
        let name = projectName(store)
        let output = try store.withExchangeSnapshot(round: round) { snapshot, registry in
            var exporter = ExchangeExporter(snapshot: snapshot, registry: registry)
            defer { registry = exporter.registry }
            return exporter.export(name: name)
        }
        guard !output.project.sources.isEmpty else { throw ExchangeError.nothingToExport(file: path, what: "documents") }
        let xml = output.project.projectXML()
        if let schemas {
            try check(xml, named: "\(path)/project.qde", schema: schemas.projectSchema)
        }
        try QDPXArchive.write([("project.qde", xml)] + output.files, to: path)
        return ExchangeExportResult(file: path, counts: output.counts, omitted: output.omitted, validatedWith: schemas?.projectSchema)
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

    /// Imports a `.qdpx` project into `store`, all or nothing.
    ///
    /// The archive is checked first (zip slip, absolute paths, links, archive bombs), then
    /// `project.qde` is read and validated against `Project.xsd` (unless no schemas are given);
    /// a file failing the schema is refused unless `lenient`.
    ///
    /// - Throws: `ExchangeError`, `IngestError` (malformed XML, or a document id that exists with
    ///   other text), `CodingError`, `StoreError`; the project is unchanged then.
    public static func importProject(_ path: String, into store: ProjectStore, options: ImportOptions) throws -> ExchangeImportResult {
        var archive = try QDPXArchive(path: path, limits: options.limits)
        guard let entry = archive.entryPath("project.qde") ?? archive.paths.first(where: { !$0.contains("/") && $0.lowercased().hasSuffix(".qde") }) else {
            throw ExchangeError.missingProject(file: path)
        }
        let source = SourceFile(path: "\(path)/\(entry)", bytes: try archive.read(entry))
        var result = ExchangeImportResult(file: path)
        let root = try XMLNode.parse(source)
        let project = try REFIProject.read(root, file: source.path, expecting: "Project")
        try validate(source, schema: options.schemas?.projectSchema, lenient: options.lenient, into: &result)

        var texts: [String: Result<String, ExchangeError>] = [:]
        for textSource in project.sources {
            if let content = textSource.plainTextContent {
                texts[textSource.guid] = .success(content)
                continue
            }
            guard let reference = textSource.plainTextPath else { continue }
            guard reference.hasPrefix("internal://") else {
                texts[textSource.guid] = .failure(.unreadable(file: reference, reason: "an external source; cda reads only sources inside the archive"))
                continue
            }
            let wanted = ExchangeImportMapper.entryPath(reference)
            guard QDPXArchive.unsafeReason(wanted) == nil, let found = archive.entryPath(wanted) else {
                texts[textSource.guid] = .failure(.unreadable(file: "\(path)/\(wanted)", reason: "no such entry in the archive"))
                continue
            }
            let bytes = try archive.read(found)
            do {
                texts[textSource.guid] = .success(try TextDecoding.decode(SourceFile(path: "\(path)/\(found)", bytes: bytes)))
            } catch IngestError.emptyFile {
                texts[textSource.guid] = .success("")
            } catch {
                texts[textSource.guid] = .failure(.unreadable(file: "\(path)/\(found)", reason: String(describing: error)))
            }
        }
        let plan = ExchangeImportMapper(file: path, actor: options.actor).plan(project, texts: texts)
        result.notMapped += plan.notMapped
        try store.importExchange(plan, into: &result)
        return result
    }

    /// Imports a `.qdc` codebook into `store`: codes (matched by GUID, else by name, else created)
    /// and sets of codes as themes, all or nothing.
    ///
    /// - Throws: `ExchangeError`, `IngestError` (malformed XML), `CodingError`, `StoreError`.
    public static func importCodebook(_ path: String, into store: ProjectStore, options: ImportOptions) throws -> ExchangeImportResult {
        let source = try readXML(path)
        var result = ExchangeImportResult(file: path)
        let project = try REFIProject.read(try XMLNode.parse(source), file: path, expecting: "CodeBook")
        try validate(source, schema: options.schemas?.codebookSchema, lenient: options.lenient, into: &result)
        let plan = ExchangeImportMapper(file: path, actor: options.actor).plan(project, texts: [:])
        result.notMapped += plan.notMapped
        try store.importExchange(plan, into: &result)
        return result
    }

    /// Validates a `.qdc` codebook, a `project.qde`, or the `project.qde` inside a `.qdpx` archive
    /// (whose internal plain-text sources must also be present).
    ///
    /// - Throws: `ExchangeError` or `IngestError` when the file cannot be read at all.
    public static func validate(_ path: String, schemas: REFISchemas, limits: QDPXLimits = QDPXLimits()) throws -> ExchangeValidationResult {
        switch (path as NSString).pathExtension.lowercased() {
        case "qdc":
            let source = try readXML(path)
            let violations = try XMLSchemaValidator(path: schemas.codebookSchema).validate(source)
            return ExchangeValidationResult(file: path, schema: schemas.codebookSchema, problems: violations.map { "\(path):\($0)" })
        case "qde":
            let source = try readXML(path)
            let violations = try XMLSchemaValidator(path: schemas.projectSchema).validate(source)
            return ExchangeValidationResult(file: path, schema: schemas.projectSchema, problems: violations.map { "\(path):\($0)" })
        default:
            var archive = try QDPXArchive(path: path, limits: limits)
            guard let entry = archive.entryPath("project.qde") else { throw ExchangeError.missingProject(file: path) }
            let source = SourceFile(path: "\(path)/\(entry)", bytes: try archive.read(entry))
            var problems = try XMLSchemaValidator(path: schemas.projectSchema).validate(source).map { "\(source.path):\($0)" }
            if problems.isEmpty, let project = try? REFIProject.read(try XMLNode.parse(source), file: source.path, expecting: "Project") {
                for textSource in project.sources {
                    guard let reference = textSource.plainTextPath, reference.hasPrefix("internal://"),
                        archive.entryPath(ExchangeImportMapper.entryPath(reference)) == nil
                    else { continue }
                    problems.append("\(source.path):\(textSource.line ?? 0): TextSource '\(textSource.name ?? textSource.guid)' refers to \(reference), which the archive does not hold")
                }
            }
            return ExchangeValidationResult(file: path, schema: schemas.projectSchema, problems: problems)
        }
    }

    private static func projectName(_ store: ProjectStore) -> String {
        ((store.path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    private static func readXML(_ path: String) throws -> SourceFile {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > xmlSizeLimit {
            throw IngestError.fileTooLarge(SourceLocation(file: path), bytes: size, limit: xmlSizeLimit)
        }
        return try SourceFile(contentsOf: path)
    }

    /// Validates `xml` that `cda` wrote; a violation is a bug, so nothing is written then.
    private static func check(_ xml: String, named name: String, schema: String) throws {
        let violations = try XMLSchemaValidator(path: schema).validate(SourceFile(path: name, bytes: Array(xml.utf8)))
        if !violations.isEmpty { throw ExchangeError.schemaViolations(file: name, schema: schema, violations: violations) }
    }

    private static func validate(_ source: SourceFile, schema: String?, lenient: Bool, into result: inout ExchangeImportResult) throws {
        guard let schema else { return }
        let violations = try XMLSchemaValidator(path: schema).validate(source)
        result.validatedWith = schema
        guard !violations.isEmpty else { return }
        if !lenient { throw ExchangeError.schemaViolations(file: source.path, schema: schema, violations: violations) }
        result.notMapped.append("\(source.path) fails the schema in \(violations.count) place(s); imported leniently, as far as it is valid")
        result.notMapped += violations.prefix(20).map { "\(source.path):\($0)" }
    }
}
