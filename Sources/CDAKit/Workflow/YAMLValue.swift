internal import Yams

/// A node of a YAML file with its position, for files whose errors must name a line
/// (recipes, consolidation plans, memo files).
struct YAMLValue {
    let node: Node
    let file: String

    /// The node's 1-based line.
    var line: Int { node.mark?.line ?? 1 }

    /// Parses a whole file.
    ///
    /// - Throws: `CodebookError` for unreadable or malformed YAML, or an empty document.
    static func load(_ path: String) throws -> YAMLValue {
        YAMLValue(node: try YAMLSafety.compose(try YAMLFile.read(path), file: path), file: path)
    }

    func error(_ message: String) -> CodebookError { .invalidEntry(file: file, line: line, message: message) }

    /// The value under `key`, if the node is a mapping that has it.
    subscript(key: String) -> YAMLValue? {
        node.mapping?[key].map { YAMLValue(node: $0, file: file) }
    }

    /// The mapping's keys in file order.
    var keys: [String] { node.mapping?.keys.compactMap(\.string) ?? [] }

    /// The mapping's entries in file order.
    var entries: [(key: String, value: YAMLValue)] {
        node.mapping?.compactMap { pair in pair.key.string.map { ($0, YAMLValue(node: pair.value, file: file)) } } ?? []
    }

    /// The node as a string scalar.
    func string() throws -> String {
        guard let scalar = node.scalar else { throw error("expected a text value") }
        return scalar.string
    }

    /// The string under `key`, or `nil` when absent.
    func string(_ key: String) throws -> String? { try self[key]?.string() }

    /// The string under `key`.
    func requiredString(_ key: String) throws -> String {
        guard let value = self[key] else { throw error("the key '\(key)' is missing") }
        return try value.string()
    }

    /// The node as a list of entries.
    func list() throws -> [YAMLValue] {
        guard let sequence = node.sequence else { throw error("expected a list") }
        return sequence.map { YAMLValue(node: $0, file: file) }
    }

    /// A list of strings under `key` (a single string counts as a list of one); `nil` when absent.
    func strings(_ key: String) throws -> [String]? {
        guard let value = self[key] else { return nil }
        if value.node.scalar != nil { return [try value.string()] }
        return try value.list().map { try $0.string() }
    }

    /// An integer under `key`, or `nil` when absent.
    func integer(_ key: String) throws -> Int? {
        guard let value = self[key] else { return nil }
        guard let number = Int(try value.string()) else { throw value.error("'\(key)' must be a whole number") }
        return number
    }

    /// A boolean under `key`, or `nil` when absent.
    func boolean(_ key: String) throws -> Bool? {
        guard let value = self[key] else { return nil }
        switch try value.string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw value.error("'\(key)' must be true or false")
        }
    }
}
