import CDAKit
import Foundation

extension IngestReport {
    /// The alignment of a revision and what became of the codings: every coding for a dry run,
    /// the moved ones and those without counterpart otherwise.
    static func printRevision(_ revision: DocumentRevision, file: String, everyCoding: Bool) {
        Swift.print("  version \(revision.version) → \(revision.version + 1)")
        let counts = Dictionary(grouping: revision.pairings, by: \.change).mapValues(\.count)
        let order: [UtterancePairing.Change] = [.unchanged, .changed, .split, .merged, .regrouped, .inserted, .deleted]
        Swift.print("  utterances: " + order.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
        for pairing in revision.pairings where pairing.change != .unchanged {
            let details = pairing.details.isEmpty ? "" : " (\(pairing.details.joined(separator: ", ")))"
            Swift.print("    \(label(pairing.old)) → \(label(pairing.new)) \(pairing.change.rawValue)\(details)")
        }
        let tally = Dictionary(grouping: revision.codings, by: \.outcome).mapValues(\.count)
        Swift.print(
            "  codings: \(tally[.unchanged] ?? 0) unchanged, \(tally[.moved] ?? 0) moved, \(tally[.conflict] ?? 0) without counterpart")
        for coding in revision.codings where coding.outcome == .moved || (everyCoding && coding.outcome == .unchanged) {
            let place = coding.outcome == .moved ? "\(coding.old) → \(coding.new.map(\.description) ?? "")" : coding.old.description
            let text = coding.outcome == .moved && coding.newText != coding.oldText ? " now \"\(clip(coding.newText ?? ""))\"" : ""
            Swift.print("    \(coding.outcome.rawValue) '\(coding.code)' \(place) \"\(clip(coding.oldText))\"\(text)")
            if coding.joinedIdentical { Swift.print("      joined an identical coding already there") }
        }
        if revision.applied || everyCoding {
            for line in revision.conflictLines(file: file) { Swift.print("    \(line)") }
        }
    }

    /// `3`, `4, 5`, or `–` for none.
    private static func label(_ indexes: [Int]) -> String {
        indexes.isEmpty ? "–" : indexes.map(String.init).joined(separator: ", ")
    }

    private static func clip(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " / ")
        return line.count <= 60 ? line : String(line.prefix(59)) + "…"
    }
}
