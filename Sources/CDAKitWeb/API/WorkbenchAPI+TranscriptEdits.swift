import CDAKit
import Hummingbird

/// Correcting the open transcript: an utterance's text or speaker, a split, a merge — each a
/// revision in the history, as `cda edit` makes it.
extension WorkbenchAPI {
    /// `POST /api/transcript/edit`: `kind` is `text` (with `text`), `speaker` (with `speaker`),
    /// `split` (with `at`, a code-point offset) or `merge` (with the next utterance).
    struct TranscriptEditRequest: BoundedBody {
        var doc: String
        var utterance: Int
        var kind: String
        var text: String?
        var speaker: String?
        var at: Int?
        /// `refuse` (the default), `keep-utterance` or `drop`.
        var onConflict: String?
        var dryRun: Bool?
        var coder: String?

        func checkBounds() throws {
            try RequestBounds.check(utterance, "utterance", RequestBounds.utterance)
            try RequestBounds.check(at, "at", RequestBounds.offset)
        }

        /// The edit asked for.
        func edit() throws -> TranscriptEdit {
            switch kind {
            case "text":
                guard let text else { throw WebError.badRequest("A text edit needs its 'text'.") }
                return .text(utterance: utterance, to: text)
            case "speaker":
                guard let speaker else { throw WebError.badRequest("A speaker edit needs its 'speaker'.") }
                return .speaker(utterance: utterance, to: speaker)
            case "split":
                guard let at else {
                    throw WebError.badRequest("A split needs 'at', the offset to split before.")
                }
                return .split(utterance: utterance, at: at)
            case "merge":
                return .mergeWithNext(utterance: utterance)
            default:
                throw WebError.badRequest("'kind' must be text, speaker, split or merge, not '\(kind.prefix(40))'.")
            }
        }

        func policy() throws -> RevisionPolicy {
            guard let onConflict else { return .refuse }
            guard let policy = RevisionPolicy(rawValue: onConflict) else {
                throw WebError.badRequest("'onConflict' must be refuse, keep-utterance or drop, not '\(onConflict.prefix(40))'.")
            }
            return policy
        }
    }

    /// The answer: the revision, and when it was refused the conflicts in words, so that the
    /// analyst can choose a policy and send the edit again.
    struct TranscriptEditResult: Encodable {
        var refused: Bool
        var applied: Bool
        var step: HistoryEntry?
        var conflicts: [String]
        var revision: DocumentRevision
    }

    func registerTranscriptEdits(on router: Router<some RequestContext>) {
        router.post("/api/transcript/edit") { request, _ -> Response in
            let body = try await JSONBody.decode(TranscriptEditRequest.self, from: request)
            let edit = try body.edit()
            let policy = try body.policy()
            let actor = coder(body.coder)
            let (revision, step) = try await access.run {
                try $0.edit(body.doc, edit, onConflict: policy, actor: actor, dryRun: body.dryRun ?? false)
            }
            return JSONBody.response(
                TranscriptEditResult(
                    refused: revision.isRefused, applied: revision.applied, step: step, conflicts: revision.conflictLines(file: body.doc),
                    revision: revision))
        }
    }
}
