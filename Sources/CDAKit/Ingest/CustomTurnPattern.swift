import Foundation

/// A user's regular expression for turn lines (`--speaker-pattern`).
///
/// It must match a whole line and have named groups `speaker` and `text`; a `time` group is read
/// as a time when present. Example for `S1 00:00:01.717 text`:
/// `(?<speaker>S\d+) (?<time>[\d:.]+) (?<text>.*)`.
struct CustomTurnPattern {
    private let regex: Regex<AnyRegexOutput>
    private let hasTime: Bool

    /// Compiles the pattern.
    ///
    /// - Throws: `IngestError.invalidSpeakerPattern` when it does not compile or lacks a group.
    init(_ pattern: String) throws(IngestError) {
        do {
            regex = try Regex(pattern)
        } catch {
            throw .invalidSpeakerPattern(pattern, reason: "not a valid regular expression")
        }
        for required in ["speaker", "text"] where !pattern.contains("(?<\(required)>") {
            throw .invalidSpeakerPattern(pattern, reason: "needs a named group (?<\(required)>…)")
        }
        hasTime = pattern.contains("(?<time>")
    }

    /// The turn on `line`, or `nil` when the whole line does not match.
    func match(_ line: Substring) -> TurnLine? {
        guard let match = try? regex.wholeMatch(in: line),
            let speaker = match.output["speaker"]?.substring,
            let text = match.output["text"]?.substring
        else { return nil }
        let time = hasTime ? match.output["time"]?.substring.flatMap { TimeCode.seconds($0) } : nil
        let label = speaker.trimmingCharacters(in: .whitespaces)
        return TurnLine(time: time, label: label.isEmpty ? nil : label, text: text)
    }
}
