import Foundation

extension REFIExchange {
    /// Imports a `.qdpx` project into `store`, all or nothing.
    ///
    /// The archive is checked first (zip slip, absolute paths, links, archive bombs), then
    /// `project.qde` is read and validated against `Project.xsd` when schemas are given. Without
    /// `lenient`, a file that fails the schema, has an id that is not a GUID, a reference to nothing
    /// or a selection that cannot be placed exactly is refused; with it, ids are repaired and the
    /// rest is imported as far as it is valid, every repair and omission listed.
    ///
    /// - Throws: `ExchangeError` (`.schemaViolations`, `.incomplete`, `.documentConflict` …),
    ///   `IngestError` (malformed XML), `CodingError`, `StoreError`; the project is unchanged then.
    public static func importProject(_ path: String, into store: ProjectStore, options: ImportOptions) throws -> ExchangeImportResult {
        var archive = try QDPXArchive(path: path, limits: options.limits)
        guard
            let entry = archive.entryPath("project.qde")
                ?? archive.paths.first(where: { !$0.contains("/") && $0.lowercased().hasSuffix(".qde") })
        else {
            throw ExchangeError.missingProject(file: path)
        }
        let source = SourceFile(path: "\(path)/\(entry)", bytes: try archive.read(entry))
        let project = try REFIProject.read(try XMLNode.parse(source), file: source.path, expecting: "Project")
        let schemaNotes = try checkSchema(source, schema: options.schemas?.projectSchema, lenient: options.lenient)
        let texts = try plainTexts(of: project, in: &archive, path: path)
        let plan = mapper(path, xmlFile: source.path, options: options).plan(project, texts: texts)
        var result = try apply(
            plan, file: path, schemaNotes: schemaNotes, validatedWith: options.schemas?.projectSchema, to: store, options: options)
        linkRecordings(of: project, plan: plan, archive: archive, path: path, store: store, result: &result)
        return result
    }

    /// Extracts the recording of every audio or video source whose document this import added
    /// into `NAME-media/` beside the project file and links it (`cda media add`), after the
    /// import is stored; a recording that cannot be extracted or read is said, and the import stands.
    private static func linkRecordings(
        of project: REFIProject, plan: ExchangeImportPlan, archive: QDPXArchive, path: String, store: ProjectStore,
        result: inout ExchangeImportResult
    ) {
        let documentOfSource = Dictionary(
            plan.documents.compactMap { entry in entry.guid.map { ($0, entry.transcript.document.id) } }, uniquingKeysWith: { a, _ in a })
        let added = Set(result.documentsAdded)
        let projectFile = URL(fileURLWithPath: store.path)
        let folder = projectFile.deletingLastPathComponent()
            .appendingPathComponent(projectFile.deletingPathExtension().lastPathComponent + "-media").path
        for source in project.sources {
            guard let recording = source.recording, let document = documentOfSource[source.guid], added.contains(document) else { continue }
            guard recording.path.hasPrefix("internal://") else {
                result.notMapped.append(
                    "the recording of '\(document)' lies outside the archive (\(recording.path)); link it with 'cda media add \(document) FILE'"
                )
                continue
            }
            let wanted = ExchangeImportMapper.entryPath(recording.path)
            let suffix = URL(fileURLWithPath: wanted).pathExtension
            let target = folder + "/" + document + (suffix.isEmpty ? "" : "." + suffix)
            do {
                guard QDPXArchive.unsafeReason(wanted) == nil, let entry = archive.entryPath(wanted) else {
                    throw ExchangeError.unreadable(file: "\(path)/\(wanted)", reason: "no such entry in the archive")
                }
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try archive.extract(entry, to: target)
                try store.linkMedia(documentID: document, file: target)
                result.recordings.append("\(document): \(store.storedPath(target))")
            } catch {
                result.notMapped.append("the recording of '\(document)' is not linked: \(error)")
            }
        }
    }

    /// Imports a `.qdc` codebook into `store`: codes (matched by GUID, else by name, else created)
    /// and sets of codes as themes, all or nothing; ids are checked and repaired as for a project.
    ///
    /// - Throws: `ExchangeError`, `IngestError` (malformed XML), `CodingError`, `StoreError`.
    public static func importCodebook(_ path: String, into store: ProjectStore, options: ImportOptions) throws -> ExchangeImportResult {
        let source = try readXML(path)
        let project = try REFIProject.read(try XMLNode.parse(source), file: path, expecting: "CodeBook")
        let schemaNotes = try checkSchema(source, schema: options.schemas?.codebookSchema, lenient: options.lenient)
        let plan = mapper(path, xmlFile: path, options: options).plan(project, texts: [:])
        return try apply(
            plan, file: path, schemaNotes: schemaNotes, validatedWith: options.schemas?.codebookSchema, to: store, options: options)
    }

    private static func mapper(_ path: String, xmlFile: String, options: ImportOptions) -> ExchangeImportMapper {
        ExchangeImportMapper(file: path, xmlFile: xmlFile, actor: options.actor, positions: options.positions, sources: options.sources)
    }

    /// Refuses an incomplete plan unless lenient, else stores it and reports.
    private static func apply(
        _ plan: ExchangeImportPlan, file: String, schemaNotes: [String], validatedWith: String?, to store: ProjectStore,
        options: ImportOptions
    ) throws -> ExchangeImportResult {
        let problems = plan.repairs + plan.leftOut
        if !options.lenient && !problems.isEmpty { throw ExchangeError.incomplete(file: file, problems: problems) }
        let stored = try store.importExchange(plan, file: file)
        var result = ExchangeImportResult(file: file, stored: stored)
        result.notMapped = schemaNotes + plan.notMapped + stored.notMapped
        result.leftOut = plan.leftOut
        result.repairs = plan.repairs
        result.positions = plan.positions
        result.validatedWith = validatedWith
        return result
    }

    /// The plain text of every text source by GUID, or why it has none.
    static func plainTexts(of project: REFIProject, in archive: inout QDPXArchive, path: String) throws -> [String: ImportedText] {
        var texts: [String: ImportedText] = [:]
        for source in project.sources {
            if let content = source.plainTextContent {
                texts[source.guid] = .text(content, hasByteOrderMark: false)
            } else if let reference = source.plainTextPath {
                texts[source.guid] = try plainText(reference, in: &archive, path: path)
            }
        }
        return texts
    }

    private static func plainText(_ reference: String, in archive: inout QDPXArchive, path: String) throws -> ImportedText {
        guard reference.hasPrefix("internal://") else { return .external(reference) }
        let wanted = ExchangeImportMapper.entryPath(reference)
        guard QDPXArchive.unsafeReason(wanted) == nil, let found = archive.entryPath(wanted) else {
            return .unreadable(.unreadable(file: "\(path)/\(wanted)", reason: "no such entry in the archive"))
        }
        let bytes = try archive.read(found)
        let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        do {
            return .text(try TextDecoding.decode(SourceFile(path: "\(path)/\(found)", bytes: bytes)), hasByteOrderMark: hasMark)
        } catch IngestError.emptyFile {
            return .text("", hasByteOrderMark: hasMark)
        } catch {
            return .unreadable(.unreadable(file: "\(path)/\(found)", reason: String(describing: error)))
        }
    }

    /// Validates against the schema when there is one: refuses a failing file unless lenient, else
    /// returns what failed, for the report.
    private static func checkSchema(_ source: SourceFile, schema: String?, lenient: Bool) throws -> [String] {
        guard let schema else { return [] }
        let violations = try XMLSchemaValidator.refi(schema).validate(source)
        guard !violations.isEmpty else { return [] }
        if !lenient { throw ExchangeError.schemaViolations(file: source.path, schema: schema, violations: violations) }
        return ["\(source.path) fails the schema in \(violations.count) place(s); imported leniently, as far as it is valid"]
            + violations.prefix(20).map { "\(source.path):\($0)" }
    }
}
