import Foundation

extension ProjectStore {
    /// The language reports use when none is asked for: the one language the documents declare in
    /// their `language` attribute, if `cda` has labels for it, else English.
    ///
    /// - Throws: `StoreError` when the documents cannot be read.
    public func reportLanguage() throws -> ReportLanguage {
        ReportLanguage.project(try documents().compactMap { $0.attributes["language"] })
    }

    /// The language every document declares in its `language` attribute (`nl`), or `nil` when
    /// none declares one or they differ: what a page showing the participants' words marks them as.
    ///
    /// - Throws: `StoreError` when the documents cannot be read.
    public func declaredLanguage() throws -> String? {
        let declared = Set(try documents().compactMap { $0.attributes["language"]?.trimmingCharacters(in: .whitespaces) })
        return declared.count == 1 ? declared.first : nil
    }
}
