import CDAKit

/// The text `cda ingest` prints for one file: what was stored, who speaks how often, and every
/// decision the reader made on its own.
enum IngestReport {
    /// Prints the block for one file that did not fail.
    static func print(_ outcome: Ingester.Outcome) {
        if let note = outcome.note {
            Swift.print("skipped: \(outcome.file) (\(note))")
            return
        }
        let status = outcome.dryRun ? wouldBe(outcome.status) : outcome.status
        Swift.print(
            "\(status): \(outcome.file) → \(outcome.document ?? "") (\(outcome.format?.rawValue ?? ""), \(outcome.utterances) utterances, \(outcome.speakers) speakers, \(outcome.words) words)"
        )
        if !outcome.speakerTurns.isEmpty {
            let speakers = outcome.speakerTurns.map { speaker in
                let role = speaker.role == .participant ? "" : " (\(speaker.role.rawValue))"
                let turns = speaker.turns == 0 ? "never speaks" : speaker.turns == 1 ? "1 turn" : "\(speaker.turns) turns"
                return "\(speaker.speaker)\(role) \(turns)"
            }
            Swift.print("  speakers: \(speakers.joined(separator: ", "))")
        }
        if !outcome.sections.isEmpty { Swift.print("  sections: \(outcome.sections.joined(separator: ", "))") }
        for notice in outcome.notices { Swift.print("  \(notice)") }
        if let revision = outcome.revision { printRevision(revision, file: outcome.file, everyCoding: outcome.dryRun) }
    }

    private static func wouldBe(_ status: String) -> String {
        switch status {
        case SaveOutcome.ingested.rawValue: "would ingest"
        case SaveOutcome.replaced.rawValue: "would replace"
        case SaveOutcome.revised.rawValue: "would revise"
        case SaveOutcome.refused.rawValue: "would refuse"
        default: status
        }
    }
}
