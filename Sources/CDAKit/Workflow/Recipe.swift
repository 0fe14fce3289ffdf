import Foundation

/// A reproducible analysis: sources, codebook, coding sheets, consolidation, mappings, memos and
/// report options, as plain files under version control. `cda build` runs it into a report.
///
/// ```yaml
/// name: scenario-workshops
/// steps:
///   - ingest: citizens/
///     group: citizens
///   - themes: ../../Codebooks/report-themes.yaml
///   - sheet: coding/round1-citizens.tsv
///   - consolidate: coding/consolidation.yaml
///   - round: 2
///     themes: [speculation, china-image]
///   - sheet: coding/round2-citizens.tsv
///   - mappings: coding/mappings.yaml
///   - memos: coding/memos.yaml
///   - media: recordings/citizens-1.ogg
///     document: citizens-1-afternoon
///     offset: 0
/// report:
///   formats: [md, html, csv, json]
///   by: group
///   dynamics: true
/// ```
/// Paths are relative to the recipe's folder.
public struct Recipe: Sendable, Hashable {
    /// One step of a recipe.
    public enum Step: Sendable, Hashable {
        /// Ingest files or folders.
        case ingest(path: String, options: IngestStepOptions)
        /// Load a codebook of themes.
        case themes(String)
        /// Import a coding sheet.
        case sheet(String)
        /// Apply a consolidation plan.
        case consolidate(String)
        /// Start a round, deepening themes.
        case round(Int, themes: [String])
        /// Apply a mappings file.
        case mappings(String)
        /// Apply a memo file.
        case memos(String)
        /// Link a recording to a document, with where the transcript's time zero falls in it.
        case media(String, document: String, offset: Double)
    }

    /// Ingest options a recipe can set.
    public struct IngestStepOptions: Sendable, Hashable {
        /// The group to set.
        public var group: String?
        /// The session to set.
        public var session: String?
        /// A forced format.
        public var format: DocumentFormat?
        /// A person list for TEI.
        public var persons: String?
    }

    /// A step with the line it is on.
    public struct Entry: Sendable, Hashable {
        /// The 1-based line in the recipe.
        public var line: Int
        /// The step.
        public var step: Step
    }

    /// The recipe file.
    public var file: String
    /// The study's name, used as the report's project name.
    public var name: String
    /// The steps in order.
    public var steps: [Entry]
    /// The report options.
    public var report: ReportOptions
    /// The report formats.
    public var formats: [ReportFormat]

    /// The folder paths are relative to.
    public var folder: String { (file as NSString).deletingLastPathComponent }

    /// A path from the recipe, resolved against its folder.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path))
    }

    /// Reads a recipe.
    ///
    /// - Throws: `CodebookError` naming the recipe and line of a malformed entry.
    public static func load(path: String) throws -> Recipe {
        let root = try YAMLValue.load(path)
        let name = try root.string("name") ?? ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        guard let stepList = root["steps"] else { throw root.error("the key 'steps' is missing") }
        let steps = try stepList.list().map { entry in Entry(line: entry.line, step: try step(from: entry)) }
        var report = ReportOptions(projectName: name)
        var formats = ReportFormat.defaults
        if let options = root["report"] {
            report.by = try options.string("by") ?? "group"
            if let round = try options.string("round") {
                guard round == "latest" || round == "1" || round == "2" else { throw options.error("report round must be 1, 2 or latest") }
                report.round = Int(round).map(ReportOptions.RoundChoice.number) ?? .latest
            }
            report.themes = try options.strings("themes") ?? []
            report.quotes = try options.boolean("quotes") ?? false
            report.maxQuoteWords = try options.integer("max_quote_words") ?? 40
            report.includeModerators = try options.boolean("include_moderators") ?? false
            report.pseudonymize = try options.boolean("pseudonymize") ?? false
            report.instruments = try options.boolean("instruments") ?? false
            report.dynamics = try options.boolean("dynamics") ?? false
            if let names = try options.strings("formats") {
                formats = try names.map { name in
                    guard let format = ReportFormat(rawValue: name) else {
                        throw options.error("unknown report format '\(name)'; use \(ReportFormat.names)")
                    }
                    return format
                }
            }
        }
        return Recipe(file: path, name: name, steps: steps, report: report, formats: formats)
    }

    private static func step(from entry: YAMLValue) throws -> Step {
        let kinds = ["ingest", "themes", "sheet", "consolidate", "round", "mappings", "memos", "media"]
        guard let kind = entry.keys.first(where: kinds.contains) else {
            throw entry.error("unknown step; use one of: \(kinds.joined(separator: ", "))")
        }
        switch kind {
        case "ingest":
            let format = try entry.string("format").map { name in
                guard let format = DocumentFormat(rawValue: name) else { throw entry.error("unknown format '\(name)'") }
                return format
            }
            return .ingest(
                path: try entry.requiredString("ingest"),
                options: IngestStepOptions(
                    group: try entry.string("group"), session: try entry.string("session"), format: format,
                    persons: try entry.string("persons")))
        case "themes": return .themes(try entry.requiredString("themes"))
        case "sheet": return .sheet(try entry.requiredString("sheet"))
        case "consolidate": return .consolidate(try entry.requiredString("consolidate"))
        case "round":
            guard let number = try entry.integer("round") else { throw entry.error("'round' needs a number") }
            return .round(number, themes: try entry.strings("themes") ?? [])
        case "mappings": return .mappings(try entry.requiredString("mappings"))
        case "media":
            guard let document = try entry.string("document") else { throw entry.error("'media' needs the 'document' it belongs to") }
            let offset = try entry.string("offset").map { text in
                guard let seconds = Double(text), seconds.isFinite else { throw entry.error("'offset' must be a number of seconds") }
                return seconds
            }
            return .media(try entry.requiredString("media"), document: document, offset: offset ?? 0)
        default: return .memos(try entry.requiredString("memos"))
        }
    }
}
