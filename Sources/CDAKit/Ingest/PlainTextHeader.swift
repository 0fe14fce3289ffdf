import Foundation

/// The `# key: value` lines at the top of a plain-text transcript.
struct PlainTextHeader {
    /// Document attributes (`group`, `session`, `date`, …), keys lowercased.
    var attributes: [String: String] = [:]
    /// The labels declared with `speakers:`, in order; empty when none were declared.
    var declaredSpeakers: [String] = []
    /// Labels declared as moderators.
    var moderators: Set<String> = []
    /// Labels declared as observers.
    var observers: Set<String> = []
    /// Per-speaker attributes from `# speaker LABEL: key=value; key=value`.
    var speakerAttributes: [String: [String: String]] = [:]
    /// The number of lines the header takes, blank lines included.
    var lineCount = 0

    /// Reads header lines from the top of `lines`.
    init(lines: [Substring]) {
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                index += 1
                continue
            }
            guard line.hasPrefix("#"), !line.hasPrefix("##") else { break }
            absorb(line.dropFirst().trimmingCharacters(in: .whitespaces))
            index += 1
            lineCount = index
        }
    }

    private mutating func absorb(_ entry: String) {
        guard let colon = entry.firstIndex(of: ":") else { return }
        let key = entry[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = entry[entry.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let list = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        switch key {
        case "speakers", "sprekers": declaredSpeakers.append(contentsOf: list)
        case "moderator", "moderators", "gespreksleider": moderators.formUnion(list)
        case "observer", "observers", "waarnemer": observers.formUnion(list)
        default:
            if key.hasPrefix("speaker ") || key.hasPrefix("spreker ") {
                let label = key.drop(while: { $0 != " " }).trimmingCharacters(in: .whitespaces)
                let original = entry[..<colon].drop(while: { $0 != " " }).trimmingCharacters(in: .whitespaces)
                speakerAttributes[original.isEmpty ? label : original, default: [:]]
                    .merge(Self.keyValues(value)) { _, new in new }
            } else if !key.isEmpty {
                attributes[key] = value
            }
        }
    }

    /// Parses `key=value; key=value`.
    static func keyValues(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
            if !key.isEmpty { result[key] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return result
    }

    /// Adds the speakers and moderators given on the command line, as if the header listed them.
    mutating func declare(speakers: [String], moderators: [String]) {
        for label in speakers where !declaredSpeakers.contains(label) { declaredSpeakers.append(label) }
        self.moderators.formUnion(moderators)
    }

    /// Every label the header names.
    var allDeclaredLabels: Set<String> {
        Set(declaredSpeakers).union(moderators).union(observers)
    }

    /// The role a label has according to the header.
    func role(of label: String) -> SpeakerRole {
        if moderators.contains(label) { return .moderator }
        if observers.contains(label) { return .observer }
        if let text = speakerAttributes[label]?["role"], let role = SpeakerRole(parsing: text) { return role }
        return .participant
    }
}
