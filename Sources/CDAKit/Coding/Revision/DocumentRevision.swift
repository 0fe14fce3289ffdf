import Foundation

/// A revision of one coded document: how its utterances were aligned and where each coding goes.
public struct DocumentRevision: Sendable, Hashable, Codable {
    /// The document.
    public var documentID: String
    /// The version the stored text had; the revised text becomes `version + 1`.
    public var version: Int
    /// The policy for codings without counterpart.
    public var policy: RevisionPolicy
    /// Whether the revision was written (false for a refusal and for a dry run).
    public var applied: Bool
    /// The utterances grouped by where their text went.
    public var pairings: [UtterancePairing]
    /// Every coding of the document, in document order.
    public var codings: [CodingRevision]

    /// Creates a revision record.
    public init(
        documentID: String, version: Int, policy: RevisionPolicy, applied: Bool, pairings: [UtterancePairing],
        codings: [CodingRevision]
    ) {
        self.documentID = documentID
        self.version = version
        self.policy = policy
        self.applied = applied
        self.pairings = pairings
        self.codings = codings
    }

    /// The codings whose words have no counterpart.
    public var conflicts: [CodingRevision] { codings.filter { $0.outcome == .conflict } }

    /// Whether the policy refuses this revision: some coding has no counterpart under `refuse`.
    public var isRefused: Bool { policy == .refuse && !conflicts.isEmpty }

    /// The note kept on a coding that a revision kept on its candidate utterance.
    static func reviewNote(version: Int, old: Fragment) -> String {
        "revision to version \(version + 1): no counterpart for \(old.description); kept on the whole utterance"
    }

    /// One line per conflict: file, code, utterance, offsets, old text and the candidate place, and
    /// what the policy does with it.
    public func conflictLines(file: String) -> [String] {
        conflicts.map { coding in
            let old = coding.old
            let utterances =
                old.startUtterance == old.endUtterance
                ? "utterance \(old.startUtterance)" : "utterances \(old.startUtterance)–\(old.endUtterance)"
            let offsets =
                old.isWholeUtterances ? "whole utterance" : "offsets \(old.startOffset ?? 0)–\(old.endOffset ?? 0)"
            let place = coding.new.map { "utterance \($0.startUtterance)" }
            let fate: String =
                switch policy {
                case .refuse: place.map { "best place: \($0)" } ?? "no place in the new text"
                case .keepUtterance:
                    place.map { "kept on \($0) as a whole-utterance coding marked for review" } ?? "dropped: the new text has no utterances"
                case .drop: "dropped"
                }
            return
                "\(file): coding '\(coding.code)' on \(utterances) (\(offsets), \"\(Self.clip(coding.oldText))\") has no counterpart; \(fate)"
        }
    }

    /// Text shortened to 60 characters for a message, on one line.
    static func clip(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " / ")
        return line.count <= 60 ? line : String(line.prefix(59)) + "…"
    }
}
