/// Why a coding, consolidation or theme request was refused. Nothing was changed.
public enum CodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No code has this name.
    case unknownCode(String, suggestion: String?)
    /// The code exists but is merged or retired.
    case inactiveCode(String, status: CodeStatus, mergedInto: String?)
    /// An active code already has this name.
    case codeExists(String)
    /// A code name is empty.
    case emptyCodeName
    /// A colour that is not `#rrggbb` or `#rgb`.
    case invalidColor(String)
    /// A code name holds a control character (`CodeName.isControl`): the name, the character's
    /// Unicode value and its 1-based position in the name.
    case controlCharacterInCodeName(String, scalar: UInt32, position: Int)
    /// An offset lies outside its utterance.
    case offsetOutOfRange(document: String, utterance: Int, offset: Int, length: Int)
    /// The fragment's start lies after its end.
    case emptyFragment(String)
    /// Only one of start and end offsets was given.
    case halfOpenOffsets
    /// The round is not 1 or 2.
    case invalidRound(Int)
    /// Round 2 has not been started, so round-2 codings are refused.
    case roundNotStarted(Int)
    /// A later round is under way, and rounds do not go back.
    case roundPassed(requested: Int, current: Int)
    /// The round is under way with other themes; starting it again does not change them.
    case roundThemesDiffer(round: Int, current: [String], requested: [String])
    /// No theme has this id.
    case unknownTheme(String, suggestion: String?)
    /// The request would make a code its own ancestor.
    case cycle(code: String, parent: String)
    /// A merge needs at least one code other than the target.
    case nothingToMerge
    /// No matching coding was found.
    case noSuchCoding(String)
    /// There is no consolidation step left to undo.
    case nothingToUndo
    /// The codes touched by the last step changed since; undoing would lose later work.
    case undoConflict(step: String)
    /// The history has no step with this id.
    case unknownStep(Int64)
    /// The step named was undone already.
    case stepAlreadyUndone(id: Int64, summary: String)
    /// The step named is not the latest one not undone: a later step would have to be undone first.
    case stepNotLatest(id: Int64, summary: String, latestID: Int64, latestSummary: String, latestActor: String)
    /// A sheet row's place no longer holds the text the row carries, and no version of the
    /// document or place in it does either.
    case textNotFound(fragment: String, expected: String, found: String?)

    /// A message quoting the input and suggesting a fix.
    public var description: String {
        switch self {
        case .unknownCode(let name, let suggestion):
            return "Unknown code '\(name)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? " List codes with 'cda codes'.")
        case .inactiveCode(let name, let status, let target):
            let hint = target.map { " into '\($0)'; use that code instead." } ?? "."
            return "Code '\(name)' is \(status.rawValue)\(hint)"
        case .codeExists(let name):
            return "An active code named '\(name)' already exists. Choose another name, or merge the codes."
        case .invalidColor(let text):
            return "'\(text)' is not a colour; give it as #rrggbb (six hexadecimal digits, such as #2b6cb0) or #rgb."
        case .emptyCodeName:
            return "A code name cannot be empty."
        case .controlCharacterInCodeName(let name, let scalar, let position):
            return "The code name '\(CodeName.visible(name))' has \(CodeName.describe(scalar)) at character \(position); "
                + "a code name is one line of text without tabs, line breaks or other control characters."
        case .offsetOutOfRange(let document, let utterance, let offset, let length):
            return
                "Offset \(offset) is outside utterance \(utterance) of '\(document)', which has \(length) characters (offsets 0–\(length))."
        case .emptyFragment(let fragment):
            return "The fragment \(fragment) is empty: its start is not before its end."
        case .halfOpenOffsets:
            return "Give both --start and --end, or neither (whole utterances)."
        case .invalidRound(let round):
            return "Round \(round) does not exist; rounds are 1 and 2."
        case .roundNotStarted(let round):
            return "Round \(round) has not started. Start it with 'cda round start \(round)'."
        case .roundPassed(let requested, let current):
            return
                "Round \(requested) cannot be started: round \(current) is under way and rounds do not go back. New codings go to round \(current); code into round \(requested) with --round \(requested)."
        case .roundThemesDiffer(let round, let current, let requested):
            let now = current.isEmpty ? "no themes" : current.joined(separator: ", ")
            let asked = requested.isEmpty ? "no themes" : requested.joined(separator: ", ")
            return
                "Round \(round) is already under way for \(now); starting it again with \(asked) would change it without a trace, so nothing was changed."
        case .unknownTheme(let id, let suggestion):
            return "Unknown theme '\(id)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? " Load themes with 'cda themes load FILE'.")
        case .cycle(let code, let parent):
            return "Cannot put '\(code)' under '\(parent)': '\(parent)' is '\(code)' itself or one of its sub-codes."
        case .nothingToMerge:
            return "Name at least one code to merge other than the target."
        case .noSuchCoding(let what):
            return "No coding matches \(what)."
        case .nothingToUndo:
            return "There is no consolidation step to undo."
        case .undoConflict(let step):
            return
                "Cannot undo '\(step)': the codes it touched have changed since (later codings or steps). Undo those first, or reverse the step by hand."
        case .unknownStep(let id):
            return "There is no step \(id) in the history. List the steps with 'cda codes history'."
        case .stepAlreadyUndone(let id, let summary):
            return "Step \(id) (\(summary)) was undone already."
        case .stepNotLatest(let id, let summary, let latestID, let latestSummary, let latestActor):
            return
                "Cannot undo step \(id) (\(summary)): step \(latestID) (\(latestSummary), by \(latestActor)) came after it, and steps are undone latest first. "
                + "Undo step \(latestID) first, or leave both as they are."
        case .textNotFound(let fragment, let expected, let found):
            let now = found.map { "it reads \"\(DocumentRevision.clip($0))\"" } ?? "it lies outside the document"
            return
                "\(fragment) does not hold the row's text \"\(DocumentRevision.clip(expected))\" (\(now)), and neither an earlier version "
                + "of the document nor any other place in it does; correct the row's place or text, or leave the text cell empty."
        }
    }
}
