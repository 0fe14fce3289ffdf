/// What `startRound` did.
public enum RoundStart: Sendable, Hashable, Codable {
    /// The round started now.
    case started
    /// The round was already under way with these themes (the same as asked, or none were asked);
    /// nothing changed.
    case alreadyUnderWay(themes: [String])
}
