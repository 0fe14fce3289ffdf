/// What removing codings did.
public struct CodingRemoval: Sendable, Hashable, Codable {
    /// How many codings were removed.
    public var removed: Int
    /// The id of the recorded step, for `undo(step:)`.
    public var step: Int64
}
