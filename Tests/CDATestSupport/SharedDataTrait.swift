public import Testing

extension Trait where Self == ConditionTrait {
    /// Runs the test only when `../shared/RELATIVE` lies beside the clone (the team's sample
    /// corpora and the REFI-QDA schemas); otherwise it is skipped, saying what it needs.
    public static func needsShared(_ relative: String) -> Self {
        .enabled(
            if: SharedData.path(relative) != nil,
            Comment(rawValue: "needs ../shared/\(relative) beside the clone; absent here"))
    }
}
