/// The coding rounds of the method `cda` follows: round 1 is open coding without a codebook,
/// round 2 the deeper coding of the themes that matter.
public enum CodingRound {
    /// Every round there is: 1 and 2. The one place that says so.
    public static let all: ClosedRange<Int> = 1...2

    /// Refuses a round that does not exist.
    ///
    /// - Throws: `CodingError.invalidRound`.
    public static func validate(_ round: Int) throws(CodingError) {
        guard all.contains(round) else { throw .invalidRound(round) }
    }
}
