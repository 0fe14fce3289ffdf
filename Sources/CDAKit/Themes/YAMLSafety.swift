internal import Yams

/// Guards against YAML documents that explode when their aliases are expanded ("billion laughs"
/// with anchors): `cda` files are small, so the expanded tree is capped.
enum YAMLSafety {
    /// The most nodes a `cda` YAML file may have once aliases are expanded.
    static let nodeLimit = 200_000

    /// Parses YAML text into a node, refusing alias bombs.
    ///
    /// - Throws: `CodebookError` for malformed YAML, an empty document, or too many nodes.
    static func compose(_ text: String, file: String) throws -> Node {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw CodebookError(file: file, underlying: error)
        }
        guard let node else { throw CodebookError.invalid(file: file, message: "the file is empty") }
        var budget = nodeLimit
        guard withinBudget(node, &budget) else {
            throw CodebookError.invalid(
                file: file,
                message: "the document expands to more than \(nodeLimit) YAML nodes (repeated anchors and aliases?); cda refuses it")
        }
        return node
    }

    /// Counts nodes depth-first, stopping as soon as the budget is spent (so the cost is bounded).
    private static func withinBudget(_ node: Node, _ budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .sequence(let sequence):
            for child in sequence where !withinBudget(child, &budget) { return false }
        case .mapping(let mapping):
            for (key, value) in mapping where !withinBudget(key, &budget) || !withinBudget(value, &budget) { return false }
        default:
            break
        }
        return true
    }
}
