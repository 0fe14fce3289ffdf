/// Which round's codings a report or an analysis reads.
public enum RoundChoice: Sendable, Hashable {
    /// Round 2 where it has started, else round 1.
    case latest
    /// A given round.
    case number(Int)

    /// The round number: for `latest`, round 2 once it has started, else round 1.
    ///
    /// - Throws: `CodingError.invalidRound` for a round that does not exist.
    public func resolved(currentRound: Int) throws(CodingError) -> Int {
        switch self {
        case .latest: return currentRound >= 2 ? 2 : 1
        case .number(let number):
            try CodingRound.validate(number)
            return number
        }
    }
}
