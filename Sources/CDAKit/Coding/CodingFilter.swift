/// Which codings a removal applies to.
public struct CodingFilter: Sendable, Hashable, CustomStringConvertible {
    /// One coding by id.
    public var codingID: Int64?
    /// Codings of this document.
    public var documentID: String?
    /// Codings of exactly this fragment (document taken from it).
    public var fragment: Fragment?
    /// Codings with this code.
    public var codeName: String?
    /// Codings of this round.
    public var round: Int?
    /// Codings by this coder.
    public var coder: String?
    /// One time-span coding by id (time-span codings are numbered apart from text codings).
    public var timeSpanCodingID: Int64?
    /// Time-span codings of exactly this span (document taken from it).
    public var timeSpan: TimeSpan?

    /// Whether the filter names text codings only (by id or fragment).
    public var isTextOnly: Bool { codingID != nil || fragment != nil }
    /// Whether the filter names time-span codings only (by id or span).
    public var isTimeSpanOnly: Bool { timeSpanCodingID != nil || timeSpan != nil }

    /// Creates a filter; at least one of `codingID`, `documentID` or `fragment` must be set.
    public init(
        codingID: Int64? = nil, documentID: String? = nil, fragment: Fragment? = nil, codeName: String? = nil, round: Int? = nil,
        coder: String? = nil
    ) {
        self.codingID = codingID
        self.documentID = documentID
        self.fragment = fragment
        self.codeName = codeName
        self.round = round
        self.coder = coder
    }

    /// The filter in words, for messages.
    public var description: String {
        var parts: [String] = []
        if let codingID { parts.append("id \(codingID)") }
        if let timeSpanCodingID { parts.append("time-span coding \(timeSpanCodingID)") }
        if let timeSpan { parts.append("time span \(timeSpan)") }
        if let fragment { parts.append("fragment \(fragment)") } else if let documentID { parts.append("document '\(documentID)'") }
        if let codeName { parts.append("code '\(codeName)'") }
        if let round { parts.append("round \(round)") }
        if let coder { parts.append("coder '\(coder)'") }
        return parts.joined(separator: ", ")
    }
}
