import CDAKit

/// The JSON bodies the API accepts. Names of codes and themes travel in bodies, never in paths.
enum APIRequests {
    /// `POST /api/codings`: a fragment (Unicode scalar offsets, zero-based, end-exclusive) and a code.
    struct AddCoding: BoundedBody {
        var document: String
        var startUtterance: Int
        var startOffset: Int?
        var endUtterance: Int?
        var endOffset: Int?
        var code: String
        var round: Int?
        var coder: String?
        var memo: String?
        var inVivo: Bool?

        func checkBounds() throws {
            try RequestBounds.check(startUtterance, "startUtterance", RequestBounds.utterance)
            try RequestBounds.check(endUtterance, "endUtterance", RequestBounds.utterance)
            try RequestBounds.check(startOffset, "startOffset", RequestBounds.offset)
            try RequestBounds.check(endOffset, "endOffset", RequestBounds.offset)
            try RequestBounds.check(round, "round", RequestBounds.round)
        }
    }

    /// `POST /api/time-spans`: a stretch of a document's recording (whole milliseconds from its
    /// start) and a code; `create` allows a name no code has yet (the picker's "Create new code").
    struct AddTimeSpan: BoundedBody {
        var document: String
        var startMilliseconds: Int
        var endMilliseconds: Int
        var code: String
        var round: Int?
        var coder: String?
        var memo: String?
        var create: Bool?

        func checkBounds() throws {
            try RequestBounds.check(startMilliseconds, "startMilliseconds", RequestBounds.milliseconds)
            try RequestBounds.check(endMilliseconds, "endMilliseconds", RequestBounds.milliseconds)
            try RequestBounds.check(round, "round", RequestBounds.round)
        }
    }

    /// `PUT /api/codings/:id/memo`.
    struct CodingMemo: Decodable {
        var memo: String?
    }

    /// `PUT /api/codings/:id/code`.
    struct ReassignCoding: Decodable {
        var code: String
        var coder: String?
        var reason: String?
    }

    /// `POST /api/codes/rename`.
    struct Rename: Decodable {
        var code: String
        var to: String
        var reason: String?
        var coder: String?
    }

    /// `PUT /api/memo`: a memo on the project, a document, a theme, a theme × group pair or a code.
    struct Memo: Decodable {
        var kind: String
        var target: String?
        var group: String?
        var text: String
        var coder: String?

        /// The memo's target.
        ///
        /// - Throws: `WebError.badRequest` for an unknown kind or a missing target.
        func memoTarget() throws -> MemoTarget {
            guard let kind = MemoTarget.Kind(rawValue: kind) else {
                throw WebError.badRequest("'kind' must be project, document, theme, theme-group or code, not '\(kind.prefix(40))'.")
            }
            if kind == .project { return .project }
            guard let target, !target.isEmpty else { throw WebError.badRequest("A memo on a \(kind.rawValue) needs its 'target'.") }
            switch kind {
            case .project: return .project
            case .code: return .code(target)
            case .document: return .document(target)
            case .theme: return .theme(target)
            case .themeGroup:
                guard let group, !group.isEmpty else { throw WebError.badRequest("A theme × group memo needs its 'group'.") }
                return .themeGroup(theme: target, group: group)
            }
        }
    }

    /// `POST /api/codes/color`.
    struct Color: Decodable {
        var code: String
        var color: String
        var reason: String?
        var coder: String?
    }

    /// `POST /api/codes/merge` and `/api/codes/merge/preview`.
    struct Merge: Decodable {
        var codes: [String]
        var into: String
        var reason: String?
        var coder: String?
    }

    /// `POST /api/codes/move`: `under` null moves to the top level.
    struct Move: Decodable {
        var code: String
        var under: String?
        var reason: String?
        var coder: String?
    }

    /// `POST /api/codes/retire`.
    struct Retire: Decodable {
        var code: String
        var reason: String?
        var coder: String?
    }

    /// `POST /api/codes/split`.
    struct Split: Decodable {
        var code: String
        var into: [String]
        var reason: String?
        var coder: String?
    }

    /// `PUT /api/codes/memo`: an empty memo deletes it.
    struct CodeMemo: Decodable {
        var code: String
        var memo: String
        var coder: String?
    }

    /// `POST /api/themes/map` and `/api/themes/unmap`.
    struct Mapping: Decodable {
        var code: String
        var theme: String
        var coder: String?
    }

    /// `PUT /api/themes/summary`: the theme × group summary; empty deletes it.
    struct Summary: Decodable {
        var theme: String
        var group: String
        var text: String
        var coder: String?
    }

    /// `POST /api/search/code`: code every hit of a search.
    struct CodeHits: BoundedBody {
        var pattern: String
        var code: String
        var group: String?
        var document: String?
        var speaker: String?
        var foldDiacritics: Bool?
        var includeModerators: Bool?
        var round: Int?
        var coder: String?

        func checkBounds() throws {
            try RequestBounds.check(round, "round", RequestBounds.round)
        }
    }

    /// `POST /api/rounds/start`.
    struct StartRound: BoundedBody {
        var round: Int
        var themes: [String]?

        func checkBounds() throws {
            try RequestBounds.check(round, "round", RequestBounds.round)
        }
    }

    /// `POST /api/undo`: the step the page showed; without it (or without a body), the latest step.
    struct Undo: BoundedBody {
        var step: Int64?

        func checkBounds() throws {
            try RequestBounds.check(step, "step", RequestBounds.identifier)
        }
    }
}
