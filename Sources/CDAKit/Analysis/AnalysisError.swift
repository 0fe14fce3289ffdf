/// Why an analysis could not compare what was asked. Nothing was computed.
public enum AnalysisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No document or speaker has this attribute; `known` lists the attributes there are.
    case unknownAttribute(String, known: [String])
    /// No document or speaker has this value of the comparison attribute; `groups` lists the values there are.
    case unknownGroup(String, attribute: String, groups: [String])

    /// A message quoting the input and naming what exists.
    public var description: String {
        switch self {
        case .unknownAttribute(let name, let known):
            let list = known.isEmpty ? "none yet (set them at ingest, e.g. --group)" : known.map { "'\($0)'" }.joined(separator: ", ")
            return "No document or speaker has the attribute '\(name)'. The attributes are: \(list)."
        case .unknownGroup(let name, let attribute, let groups):
            return "Unknown group '\(name)' for '\(attribute)'. The groups are: \(groups.map { "'\($0)'" }.joined(separator: ", "))."
        }
    }
}
