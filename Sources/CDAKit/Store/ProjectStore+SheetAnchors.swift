import Foundation
internal import GRDB

extension ProjectStore {
    /// A document's texts as a sheet import needs them: the current utterances, and on demand its
    /// earlier versions and the alignments between consecutive ones.
    final class SheetAnchorTexts {
        let documentID: String
        let current: [Utterance]
        private var versions: [Int: [Utterance]] = [:]
        private var alignments: [Int: TranscriptAlignment] = [:]
        /// The number of the current version (earlier ones are 1 up to this minus one).
        let currentVersion: Int

        init(documentID: String, _ db: Database) throws {
            self.documentID = documentID
            current = try ProjectStore.storedUtterances(of: documentID, db)
            currentVersion =
                1 + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documentVersion WHERE documentId = ?", arguments: [documentID]) ?? 0)
        }

        func utterances(ofVersion version: Int, _ db: Database) throws -> [Utterance] {
            if version == currentVersion { return current }
            if let known = versions[version] { return known }
            let json =
                try String.fetchOne(
                    db, sql: "SELECT utterances FROM documentVersion WHERE documentId = ? AND version = ?",
                    arguments: [documentID, version])
                ?? "[]"
            let utterances = try ProjectStore.decodeVersion(json)
            versions[version] = utterances
            return utterances
        }

        /// The alignment from `version` to the next one.
        func alignment(from version: Int, _ db: Database) throws -> TranscriptAlignment {
            if let known = alignments[version] { return known }
            let alignment = TranscriptAlignment(
                old: try utterances(ofVersion: version, db), new: try utterances(ofVersion: version + 1, db))
            alignments[version] = alignment
            return alignment
        }
    }

    /// Where a sheet row's coding belongs now.
    ///
    /// A row without text, or whose place's text still begins with the row's, stays. Otherwise the row was
    /// most likely made before a revision: the latest earlier version whose text the place holds
    /// is found and the fragment carried through every revision since, as the revision carried the
    /// project's own codings. Failing that, a text not marked as shortened is looked for in the
    /// current document, and the place nearest the row's of the same kind and width is taken.
    ///
    /// - Returns: The request to code, and a notice when it moved.
    /// - Throws: `CodingError.textNotFound` when no version and no place holds the text.
    static func anchored(
        _ asked: CodingRequest, text rowText: String?, line: Int, file: String, texts cache: inout [String: SheetAnchorTexts],
        _ db: Database
    ) throws -> (CodingRequest, ReadNotice?) {
        let fragment = asked.fragment
        guard let rowText,
            try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [fragment.documentID]) != nil
        else { return (asked, nil) }
        let (wanted, shortened) = FragmentText.cell(rowText)
        guard !wanted.isEmpty else { return (asked, nil) }
        let texts = try cache[fragment.documentID] ?? SheetAnchorTexts(documentID: fragment.documentID, db)
        cache[fragment.documentID] = texts
        if FragmentText.holds(wanted, fragment, in: texts.current) { return (asked, nil) }
        var request = asked
        let location = SourceLocation(file: file, line: line)
        let code = "'\(asked.codeName)'"
        if let (version, mapped) = try carried(fragment, holding: wanted, through: texts, db) {
            request.fragment = mapped
            let message =
                "the text of \(code) was at \(fragment) in version \(version) of '\(fragment.documentID)'; carried through the revision to \(mapped)"
            return (request, ReadNotice(.reanchored, at: location, message))
        }
        // A shortened text does not say where the fragment ends: it is not looked for.
        let places =
            shortened
            ? [] : FragmentText.places(of: wanted, in: texts.current, near: fragment).filter { FragmentText.fits($0, for: fragment) }
        guard let nearest = places.first else {
            throw CodingError.textNotFound(
                fragment: fragment.description, expected: rowText, found: FragmentText.text(of: fragment, in: texts.current))
        }
        request.fragment = nearest
        let others = places.count > 1 ? " (the nearest of \(places.count) places that hold it)" : ""
        let message = "\(fragment) does not hold the text of \(code); found it at \(nearest)\(others)"
        return (request, ReadNotice(.reanchored, at: location, message))
    }

    /// The fragment carried from the latest earlier version whose text it holds to the current
    /// version, or `nil` when no version holds it or a revision since left it without counterpart.
    private static func carried(_ fragment: Fragment, holding text: [Unicode.Scalar], through texts: SheetAnchorTexts, _ db: Database)
        throws -> (version: Int, fragment: Fragment)?
    {
        for version in stride(from: texts.currentVersion - 1, through: 1, by: -1)
        where FragmentText.holds(text, fragment, in: try texts.utterances(ofVersion: version, db)) {
            var place = fragment
            for step in version..<texts.currentVersion {
                switch try texts.alignment(from: step, db).map(place) {
                case .unchanged: continue
                case .moved(let moved): place = moved
                case .conflict: return nil
                }
            }
            return (version, place)
        }
        return nil
    }
}
