import Foundation
internal import GRDB

/// The project's vocabulary as one scope compares words: each lowercase form, or with folding each
/// form without diacritics, gets a compared id, dense from 0; `ScopedToken.word` holds it.
public struct ScopeWords: Sendable {
    /// Per vocabulary id (index 0 unused), its compared id.
    let comparedID: [Int32]
    /// Per compared id, the form words are compared in.
    public let forms: [String]

    /// The number of compared ids.
    public var count: Int { forms.count }

    /// Reads the vocabulary inside the scan's read transaction.
    init(_ db: Database, folding: Bool) throws {
        var compared: [Int32] = [-1]
        var forms: [String] = []
        var classes: [String: Int32] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, form, folded FROM vocabulary ORDER BY id")
        while let row = try cursor.next() {
            guard row[0] as Int == compared.count else { throw VocabularyCache.damaged(db) }
            if !folding {
                compared.append(Int32(forms.count))
                forms.append(row[1])
                continue
            }
            let folded: String = row[2]
            if let known = classes[folded] {
                compared.append(known)
            } else {
                let id = Int32(forms.count)
                classes[folded] = id
                compared.append(id)
                forms.append(folded)
            }
        }
        comparedID = compared
        self.forms = forms
    }

    /// The compared id of a vocabulary id; `nil` for an id the vocabulary read does not have.
    func compared(_ vocabularyID: Int32) -> Int32? {
        vocabularyID > 0 && Int(vocabularyID) < comparedID.count ? comparedID[Int(vocabularyID)] : nil
    }
}
