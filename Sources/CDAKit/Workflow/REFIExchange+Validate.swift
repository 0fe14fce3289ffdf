import Foundation

extension REFIExchange {
    /// Checks a `.qdc` codebook, a `project.qde`, or a `.qdpx` archive: against the schema when
    /// `schemas` is given, and always with `cda`'s own checks — well-formed XML, the expected root,
    /// GUIDs, references that name something in the file, and (in an archive) internal sources that
    /// are present and selections that lie on the characters of their source.
    ///
    /// - Parameter schemas: The schemas, or `nil` to skip schema validation (the result says so).
    /// - Throws: `ExchangeError` or `IngestError` when the file cannot be read at all.
    public static func validate(_ path: String, schemas: REFISchemas?, limits: QDPXLimits = QDPXLimits()) throws -> ExchangeValidationResult
    {
        switch (path as NSString).pathExtension.lowercased() {
        case "qdc":
            let source = try readXML(path)
            return try check(source, root: "CodeBook", schema: schemas?.codebookSchema, file: path) { _ in [:] }
        case "qde":
            let source = try readXML(path)
            return try check(source, root: "Project", schema: schemas?.projectSchema, file: path) { _ in [:] }
        default:
            var archive = try QDPXArchive(path: path, limits: limits)
            guard let entry = archive.entryPath("project.qde") else { throw ExchangeError.missingProject(file: path) }
            let source = SourceFile(path: "\(path)/\(entry)", bytes: try archive.read(entry))
            return try check(source, root: "Project", schema: schemas?.projectSchema, file: path) { project in
                try plainTexts(of: project, in: &archive, path: path)
            }
        }
    }

    private static func check(
        _ source: SourceFile, root: String, schema: String?, file: String, texts: (REFIProject) throws -> [String: ImportedText]
    ) throws -> ExchangeValidationResult {
        var problems = try schema.map { try XMLSchemaValidator.refi($0).validate(source).map { "\(source.path):\($0)" } } ?? []
        let tree: XMLNode
        do {
            tree = try XMLNode.parse(source)
        } catch {
            if problems.isEmpty { problems.append(String(describing: error)) }
            return ExchangeValidationResult(file: file, schema: schema, problems: problems)
        }
        let project: REFIProject
        do {
            project = try REFIProject.read(tree, file: source.path, expecting: root)
        } catch {
            if problems.isEmpty { problems.append(String(describing: error)) }
            return ExchangeValidationResult(file: file, schema: schema, problems: problems)
        }
        let plan = ExchangeImportMapper(file: file, xmlFile: source.path, actor: "").plan(project, texts: try texts(project))
        let repairs = plan.repairs.map {
            $0.replacingOccurrences(of: "; given a new one", with: " (an import with --lenient gives it a new one)")
        }
        problems += (repairs + plan.leftOut).filter { !problems.contains($0) }
        return ExchangeValidationResult(file: file, schema: schema, problems: problems)
    }
}
