/// What rebuilding a project as of a past moment took back (`ProjectStore.asOf(_:)`).
public struct ProjectRollback: Sendable, Hashable {
    /// The last second the rebuilt project covers (UTC).
    public var moment: String
    /// Steps recorded after the moment, taken back, latest first.
    public var undoneSteps: [HistoryEntry] = []
    /// Steps that were in force at the moment but undone since, put back.
    public var restoredSteps: [HistoryEntry] = []
    /// Codings made after the moment, left out.
    public var codingsLeftOut = 0
    /// Fragments selected for quotes after the moment, left out.
    public var selectionsLeftOut = 0
    /// Codes made after the moment that nothing refers to, left out.
    public var codesLeftOut = 0
    /// Documents ingested after the moment, left out.
    public var documentsLeftOut: [String] = []
    /// Coding rounds started after the moment, left out.
    public var roundsLeftOut: [Int] = []

    /// Whether the project was already as it was at the moment.
    public var changedNothing: Bool {
        undoneSteps.isEmpty && restoredSteps.isEmpty && codingsLeftOut == 0 && selectionsLeftOut == 0 && codesLeftOut == 0
            && documentsLeftOut.isEmpty && roundsLeftOut.isEmpty
    }
}
