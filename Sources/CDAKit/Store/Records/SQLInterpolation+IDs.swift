internal import GRDB

extension SQLInterpolation {
    /// A list of row ids for `IN`, as one argument whatever its length:
    /// `"DELETE FROM coding WHERE id IN \(idsIn: ids)"`.
    ///
    /// GRDB's own `\(ids)` makes one SQL variable per id, and SQLite caps the variables of a
    /// statement (32,766 by default); a merge or removal can touch more codings than that. The ids
    /// travel as one JSON array instead, unpacked by SQLite's `json_each`.
    mutating func appendInterpolation(idsIn ids: some Sequence<Int64>) {
        appendLiteral("(SELECT value FROM json_each(")
        appendInterpolation("[" + ids.map(String.init).joined(separator: ",") + "]")
        appendLiteral("))")
    }
}
