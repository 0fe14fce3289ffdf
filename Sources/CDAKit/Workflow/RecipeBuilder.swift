import Foundation

/// Why a recipe could not be built: the recipe line of the failing step and the reason.
public struct RecipeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The recipe file.
    public var file: String
    /// The line of the failing step.
    public var line: Int
    /// What failed.
    public var message: String

    /// `RECIPE:LINE: message`.
    public var description: String { "\(file):\(line): \(message)" }
}

/// Runs a recipe into a fresh project and writes the report.
public enum RecipeBuilder {
    /// What a build produced.
    public struct Result: Sendable {
        /// The report files written.
        public var files: [String]
        /// The computed report.
        public var report: ThemeReport
        /// The project path, when it was kept.
        public var project: String?
    }

    /// Builds a recipe: creates a new project under a temporary name, runs every step in order,
    /// writes the report, and only then moves the project to `projectPath` (when given). A failing
    /// step leaves no report and no project behind; a build that is killed leaves at most a hidden
    /// `.NAME.building-PID.cda` beside `projectPath`, which the next build removes.
    ///
    /// - Parameters:
    ///   - recipe: The recipe.
    ///   - output: The folder for the report.
    ///   - projectPath: Where to keep the project; it must not exist yet.
    ///   - actor: Who is recorded in the history.
    /// - Throws: `RecipeError` naming the recipe line of the failing step, `StoreError` when the
    ///   project cannot be created (`.projectExists` when `projectPath` exists).
    public static func build(_ recipe: Recipe, output: String, projectPath: String?, actor: String = "cda build") throws -> Result {
        if let projectPath {
            if FileManager.default.fileExists(atPath: projectPath) { throw StoreError.projectExists(path: projectPath) }
            removeAbandonedBuilds(of: projectPath)
        }
        let path = projectPath.map(buildingPath) ?? NSTemporaryDirectory() + "cda-build-\(UUID().uuidString).cda"
        let store = try ProjectStore.create(at: path)
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        for entry in recipe.steps {
            do {
                try run(entry.step, recipe: recipe, store: store, actor: actor)
            } catch let error as RecipeError {
                throw error
            } catch {
                throw RecipeError(file: recipe.file, line: entry.line, message: "\(describe(entry.step)) failed: \(error)")
            }
        }
        let report = try store.themeReport(recipe.report)
        let files = try ReportWriter.write(report, formats: recipe.formats, to: output)
        if let projectPath {
            try store.close()
            try ProjectStore.moveIntoPlace(path, projectPath)
        }
        return Result(files: files, report: report, project: projectPath)
    }

    /// The hidden name a build of `projectPath` works under, with this process's id.
    static func buildingPath(_ projectPath: String) -> String {
        let url = URL(fileURLWithPath: projectPath)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).building-\(getpid()).cda").path
    }

    /// Removes what killed builds of `projectPath` left: hidden building files whose process is
    /// gone, and the temporary files their project was created under (`..NAME.building-PID.cda.…`).
    private static func removeAbandonedBuilds(of projectPath: String) {
        let url = URL(fileURLWithPath: projectPath)
        let folder = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).building-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            guard let matched = [prefix, "." + prefix].first(where: { name.hasPrefix($0) }) else { continue }
            let rest = name.dropFirst(matched.count)
            guard let pid = Int32(rest.prefix { $0.isNumber }), pid != getpid(), kill(pid, 0) != 0 && errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    private static func run(_ step: Recipe.Step, recipe: Recipe, store: ProjectStore, actor: String) throws {
        switch step {
        case .ingest(let path, let options):
            let outcomes = try Ingester(
                store: store,
                options: .init(
                    group: options.group, session: options.session, format: options.format,
                    personsFile: options.persons.map(recipe.resolve))
            ).ingest(paths: [recipe.resolve(path)])
            if let failure = outcomes.first(where: \.failed) { throw RecipeStepFailure(message: failure.error ?? failure.file) }
            if outcomes.isEmpty { throw RecipeStepFailure(message: "no transcript files found in '\(path)'") }
        case .themes(let file):
            _ = try store.loadCodebook(try Codebook.load(path: recipe.resolve(file)), actor: actor)
        case .sheet(let file):
            _ = try SheetImporter.importSheet(at: recipe.resolve(file), into: store, defaultCoder: actor)
        case .consolidate(let file):
            let path = recipe.resolve(file)
            try ConsolidationPlan.load(path: path).apply(to: store, file: path, actor: actor)
        case .round(let number, let themes):
            try store.startRound(number, themes: themes)
        case .mappings(let file):
            try AnalysisFiles.applyMappings(path: recipe.resolve(file), to: store)
        case .memos(let file):
            try AnalysisFiles.applyMemos(path: recipe.resolve(file), to: store, author: actor)
        case .media(let file, let document, let offset):
            try store.linkMedia(documentID: document, file: recipe.resolve(file), offset: offset)
        }
    }

    private static func describe(_ step: Recipe.Step) -> String {
        switch step {
        case .ingest(let path, _): return "ingest '\(path)'"
        case .themes(let file): return "themes '\(file)'"
        case .sheet(let file): return "sheet '\(file)'"
        case .consolidate(let file): return "consolidate '\(file)'"
        case .round(let number, _): return "round \(number)"
        case .mappings(let file): return "mappings '\(file)'"
        case .memos(let file): return "memos '\(file)'"
        case .media(let file, let document, _): return "media '\(file)' for '\(document)'"
        }
    }
}

private struct RecipeStepFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
