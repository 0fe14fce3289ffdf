/// A file of consolidation steps, applied in order (`consolidate:` in a recipe).
///
/// ```yaml
/// steps:
///   - merge: [wantrouwen overheid, wantrouwen in de overheid]
///     into: wantrouwen in de overheid
///     reason: zelfde betekenis
///   - rename: china schrikbeeld
///     to: china als dystopie
///   - move: mattheuseffect
///     under: ongelijkheid        # or: top: true
///   - retire: overig
/// ```
public struct ConsolidationPlan: Sendable, Hashable {
    /// One step.
    public enum Step: Sendable, Hashable {
        /// Merge codes into a target.
        case merge([String], into: String)
        /// Rename a code.
        case rename(String, to: String)
        /// Nest a code under a parent, or at the top (`nil`).
        case move(String, under: String?)
        /// Retire a code.
        case retire(String)
    }

    /// A step with its line in the file and the analyst's reason.
    public struct Entry: Sendable, Hashable {
        /// The 1-based line of the step.
        public var line: Int
        /// The step.
        public var step: Step
        /// Why.
        public var reason: String?
    }

    /// The steps in order.
    public var steps: [Entry]

    /// Reads a plan.
    ///
    /// - Throws: `CodebookError` naming the file and line of a malformed step.
    public static func load(path: String) throws -> ConsolidationPlan {
        let root = try YAMLValue.load(path)
        guard let list = root["steps"] else { throw root.error("the key 'steps' is missing") }
        return ConsolidationPlan(
            steps: try list.list().map { entry in
                let reason = try entry.string("reason")
                if let sources = try entry.strings("merge") {
                    return Entry(line: entry.line, step: .merge(sources, into: try entry.requiredString("into")), reason: reason)
                }
                if let old = try entry.string("rename") {
                    return Entry(line: entry.line, step: .rename(old, to: try entry.requiredString("to")), reason: reason)
                }
                if let code = try entry.string("move") {
                    let under = try entry.string("under")
                    if under == nil, try entry.boolean("top") != true { throw entry.error("a move needs 'under: PARENT' or 'top: true'") }
                    return Entry(line: entry.line, step: .move(code, under: under), reason: reason)
                }
                if let code = try entry.string("retire") { return Entry(line: entry.line, step: .retire(code), reason: reason) }
                throw entry.error("unknown step; use merge, rename, move or retire")
            })
    }

    /// Applies the steps to a project in order, each as its own undoable step.
    ///
    /// - Throws: `CodebookError.invalidEntry` naming the plan's line and the reason a step failed;
    ///   the steps before it stay applied.
    public func apply(to store: ProjectStore, file: String, actor: String) throws {
        for entry in steps {
            let reason = entry.reason
            do {
                switch entry.step {
                case .merge(let sources, let target): _ = try store.mergeCodes(sources, into: target, reason: reason, actor: actor)
                case .rename(let old, let new): try store.renameCode(old, to: new, reason: reason, actor: actor)
                case .move(let code, let parent): try store.moveCode(code, under: parent, reason: reason, actor: actor)
                case .retire(let code): try store.retireCode(code, reason: reason, actor: actor)
                }
            } catch let error as CodingError {
                throw CodebookError.invalidEntry(file: file, line: entry.line, message: error.description)
            }
        }
    }
}
