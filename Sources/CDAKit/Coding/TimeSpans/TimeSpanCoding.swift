/// A code attached to a time span of a recording.
public struct TimeSpanCoding: Sendable, Hashable, Codable {
    /// The coding's id (its own numbering, apart from text codings).
    public var id: Int64
    /// The code's id as stored (before merges are followed).
    public var codeID: Int64
    /// The code's name after consolidation.
    public var code: String
    /// The span.
    public var span: TimeSpan
    /// The round (1 or 2).
    public var round: Int
    /// Who coded it.
    public var coder: String
    /// An optional memo.
    public var memo: String?
    /// When it was coded (ISO 8601, UTC).
    public var createdAt: String

    /// Creates a time-span coding.
    public init(
        id: Int64, codeID: Int64, code: String, span: TimeSpan, round: Int, coder: String, memo: String?, createdAt: String
    ) {
        self.id = id
        self.codeID = codeID
        self.code = code
        self.span = span
        self.round = round
        self.coder = coder
        self.memo = memo
        self.createdAt = createdAt
    }
}

/// A request to code a time span (`cda code add --from-time`, a sheet row with times, the workbench).
public struct TimeSpanCodingRequest: Sendable, Hashable {
    /// The span.
    public var span: TimeSpan
    /// The code's name; the code is created when no active code has it.
    public var codeName: String
    /// The round, or `nil` for the current round.
    public var round: Int?
    /// Who codes.
    public var coder: String
    /// An optional memo.
    public var memo: String?
    /// The origin of a code created by this request.
    public var origin: CodeOrigin

    /// Creates a request.
    public init(
        span: TimeSpan, codeName: String, round: Int? = nil, coder: String, memo: String? = nil, origin: CodeOrigin = .analyst
    ) {
        self.span = span
        self.codeName = codeName
        self.round = round
        self.coder = coder
        self.memo = memo
        self.origin = origin
    }
}

/// What adding one time-span coding did.
public struct TimeSpanCodingResult: Sendable, Hashable, Codable {
    /// The coding's id.
    public var codingID: Int64
    /// The code it points at.
    public var code: String
    /// Whether the code was created by this request.
    public var createdCode: Bool
    /// Whether the same coding existed already (nothing was added).
    public var alreadyCoded: Bool
    /// The span.
    public var span: TimeSpan
    /// The round.
    public var round: Int

    /// Creates a result.
    public init(codingID: Int64, code: String, createdCode: Bool, alreadyCoded: Bool, span: TimeSpan, round: Int) {
        self.codingID = codingID
        self.code = code
        self.createdCode = createdCode
        self.alreadyCoded = alreadyCoded
        self.span = span
        self.round = round
    }
}
