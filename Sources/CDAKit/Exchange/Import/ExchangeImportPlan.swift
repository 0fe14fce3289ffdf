import Foundation

/// What an import adds to a project, in `cda`'s terms; the store applies it in one transaction.
public struct ExchangeImportPlan: Sendable {
    /// A code from the file.
    public struct CodeEntry: Sendable, Hashable {
        /// The file's GUID, to match a code the project had and to keep for later exports.
        public var guid: String?
        /// The name (made unique within the file).
        public var name: String
        /// The description.
        public var description: String
        /// The colour (`#rrggbb`).
        public var color: String?
        /// `inVivo` for a name in double quotes.
        public var origin: CodeOrigin
        /// The parent's position in `codes` (parents come first).
        public var parent: Int?
    }

    /// A theme from a set of codes.
    public struct ThemeEntry: Sendable, Hashable {
        /// The set's GUID.
        public var guid: String?
        /// The id to use when the project has no theme with this label.
        public var id: String
        /// The label.
        public var label: String
        /// The description.
        public var description: String
        /// Positions in `codes` of the member codes.
        public var codes: [Int]
    }

    /// A document with the GUID of its source.
    public struct DocumentEntry: Sendable {
        /// The transcript.
        public var transcript: Transcript
        /// The source's GUID.
        public var guid: String?
        /// The GUIDs of the speakers' cases, by speaker id.
        public var speakerGUIDs: [String: String]
    }

    /// A coding of a fragment.
    public struct CodingEntry: Sendable, Hashable {
        /// The fragment.
        public var fragment: Fragment
        /// The code's position in `codes`.
        public var code: Int
        /// The coder.
        public var coder: String
        /// The memo.
        public var memo: String?
        /// When it was made (ISO 8601), if the file says.
        public var createdAt: String?
        /// The selection's GUID.
        public var selectionGUID: String?
        /// The coding's GUID.
        public var guid: String?
    }

    /// A coding of a time span of a document's recording (from an `AudioSelection` or `VideoSelection`).
    public struct TimeSpanCodingEntry: Sendable, Hashable {
        /// The span (milliseconds of the recording).
        public var span: TimeSpan
        /// The code's position in `codes`.
        public var code: Int
        /// The coder.
        public var coder: String
        /// The memo.
        public var memo: String?
        /// When it was made (ISO 8601), if the file says.
        public var createdAt: String?
        /// The selection's GUID.
        public var selectionGUID: String?
        /// The coding's GUID.
        public var guid: String?
    }

    /// Where a memo goes.
    public enum MemoTarget: Sendable, Hashable {
        /// The project.
        case project
        /// A code, by position in `codes`.
        case code(Int)
        /// A document, by id.
        case document(String)
        /// A theme, by position in `themes`.
        case theme(Int)
        /// A theme × group summary.
        case themeGroup(Int, group: String)

        /// What kind of target, as the project's own memos name it.
        public var kind: CDAKit.MemoTarget.Kind {
            switch self {
            case .project: .project
            case .code: .code
            case .document: .document
            case .theme: .theme
            case .themeGroup: .themeGroup
            }
        }
    }

    /// A memo.
    public struct MemoEntry: Sendable, Hashable {
        /// Its target.
        public var target: MemoTarget
        /// The text.
        public var text: String
        /// The author.
        public var author: String
        /// The note's GUID.
        public var guid: String?
    }

    /// Codes, parents before children.
    public var codes: [CodeEntry] = []
    /// Themes.
    public var themes: [ThemeEntry] = []
    /// Documents.
    public var documents: [DocumentEntry] = []
    /// Codings.
    public var codings: [CodingEntry] = []
    /// Codings of time spans of recordings.
    public var timeSpanCodings: [TimeSpanCodingEntry] = []
    /// Memos.
    public var memos: [MemoEntry] = []
    /// Users (coders) with their GUIDs.
    public var users: [String: String] = [:]
    /// What `cda` has no place for, or had to adjust (a trimmed selection), in words.
    public var notMapped: [String] = []
    /// What is invalid or cannot be placed exactly and so was not imported, in words with the
    /// file, line and GUID.
    public var leftOut: [String] = []
    /// What was repaired on the way in (`FILE:LINE: code 'c001' had no valid guid; given a new one`).
    public var repairs: [String] = []
    /// How each source's positions were read.
    public var positions: [SourcePositions] = []
}
