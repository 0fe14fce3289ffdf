import Foundation
internal import GRDB

extension ProjectStore {
    /// The round new codings go to: the highest started round, 1 when none was started.
    ///
    /// - Throws: `StoreError.database`.
    public func currentRound() throws -> Int {
        try read { db in try Self.currentRound(db) }
    }
}
