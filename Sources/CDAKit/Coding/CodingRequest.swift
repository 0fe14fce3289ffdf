/// A request to attach a code to a fragment (`cda code add`, one sheet row, the workbench).
public struct CodingRequest: Sendable, Hashable {
    /// The fragment.
    public var fragment: Fragment
    /// The code's name; the code is created when no active code has it.
    public var codeName: String
    /// The round, or `nil` for the current round.
    public var round: Int?
    /// Who codes.
    public var coder: String
    /// An optional memo on the coding.
    public var memo: String?
    /// The origin of a code created by this request.
    public var origin: CodeOrigin

    /// Creates a request.
    public init(fragment: Fragment, codeName: String, round: Int? = nil, coder: String, memo: String? = nil, origin: CodeOrigin = .analyst)
    {
        self.fragment = fragment
        self.codeName = codeName
        self.round = round
        self.coder = coder
        self.memo = memo
        self.origin = origin
    }
}

/// What adding one coding did.
public struct CodingResult: Sendable, Hashable, Codable {
    /// The coding's id.
    public var codingID: Int64
    /// The code it points at.
    public var code: String
    /// Whether the code was created by this request.
    public var createdCode: Bool
    /// Whether the same coding existed already (nothing was added).
    public var alreadyCoded: Bool
    /// The stored fragment, normalised.
    public var fragment: Fragment
    /// The round.
    public var round: Int
}

/// A coded fragment with its context, as `cda fragments` lists it.
public struct FragmentView: Sendable, Hashable, Codable {
    /// The fragment.
    public var fragment: Fragment
    /// The codes on it (consolidated names), sorted.
    public var codes: [String]
    /// The speaker of the first utterance.
    public var speaker: String?
    /// The group of the first utterance's speaker (speaker attribute, else document attribute).
    public var group: String?
    /// The coded text; utterances joined by a line break.
    public var text: String
    /// Rounds in which it was coded.
    public var rounds: [Int]
    /// Coders.
    public var coders: [String]
    /// Whether it is selected for interpretation.
    public var selected: Bool
    /// Why its codings were marked for review (a revision kept them on a whole utterance), when any were.
    public var review: [String]? = nil
}

/// A code with its counts, as `cda codes` lists it.
public struct CodeSummary: Sendable, Hashable, Codable {
    /// The code id.
    public var id: Int64
    /// The name.
    public var name: String
    /// The parent's name.
    public var parent: String?
    /// Status.
    public var status: CodeStatus
    /// Origin.
    public var origin: CodeOrigin
    /// The round it was created in.
    public var round: Int
    /// The themes it maps to.
    public var themes: [String]
    /// Distinct fragments coded with it (after consolidation).
    public var fragments: Int
    /// Distinct fragments coded with it or any code nested below it: a fragment coded with two
    /// of its children counts once. Equal to `fragments` for a code without children.
    public var branchFragments: Int
    /// Codings (after consolidation).
    public var codings: Int
    /// Distinct speakers of its fragments.
    public var speakers: Int
    /// Colour.
    public var color: String?
    /// The code it was merged into, for merged codes.
    public var mergedInto: String?
    /// Description.
    public var description: String
}
