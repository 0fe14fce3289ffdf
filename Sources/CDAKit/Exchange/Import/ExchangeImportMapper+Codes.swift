import Foundation

extension ExchangeImportMapper {
    /// The code tree as plan entries, parents first.
    struct CodeEntries {
        var entries: [ExchangeImportPlan.CodeEntry] = []
        /// Each code's position in `entries` by GUID.
        var index: [String: Int] = [:]
        /// Codes renamed because their name was used before, in words.
        var renamed: [String] = []
    }

    /// Flattens the code tree: names trimmed, a quoted name made an in-vivo code, a name used twice
    /// given its parent's name (or a number) in brackets.
    static func codeEntries(_ codes: [REFIProject.Code]) -> CodeEntries {
        var result = CodeEntries()
        var names: Set<String> = []
        for (code, parent) in codes.flatMap({ $0.flattened() }) where result.index[code.guid] == nil {
            var name: String
            let origin: CodeOrigin
            (name, origin) = nameAndOrigin(code)
            let parentIndex = parent.flatMap { result.index[$0] }
            if names.contains(name) {
                let original = name
                name = uniqueName(original, parent: parentIndex.map { result.entries[$0].name }, taken: names)
                result.renamed.append("code '\(original)' occurs more than once; this one is named '\(name)'")
            }
            names.insert(name)
            result.index[code.guid] = result.entries.count
            result.entries.append(
                .init(
                    guid: code.guid, name: name, description: code.description ?? "", color: code.color, origin: origin, parent: parentIndex
                ))
        }
        return result
    }

    /// The name without in-vivo quotes, and whether it had them.
    private static func nameAndOrigin(_ code: REFIProject.Code) -> (String, CodeOrigin) {
        let (name, origin) = CodeName.read(code.name.trimmingCharacters(in: .whitespacesAndNewlines))
        return (name.isEmpty ? "code \(code.guid.prefix(8))" : name, origin)
    }

    /// `name (parent)`, else `name (2)`, `name (3)` …, whichever is free.
    private static func uniqueName(_ name: String, parent: String?, taken: Set<String>) -> String {
        var candidate = parent.map { "\(name) (\($0))" } ?? "\(name) (2)"
        var number = 2
        while taken.contains(candidate) {
            number += 1
            candidate = "\(name) (\(number))"
        }
        return candidate
    }
}
