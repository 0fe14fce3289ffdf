/// The YAML files a recipe applies besides codebooks and consolidation plans.
public enum AnalysisFiles {
    /// Applies a mappings file: `mappings: {THEME: [CODE, …]}`; each code must exist and each theme be loaded.
    ///
    /// - Returns: The number of mappings added.
    /// - Throws: `CodebookError.invalidEntry` naming the line of an unknown code or theme.
    @discardableResult
    public static func applyMappings(path: String, to store: ProjectStore) throws -> Int {
        let root = try YAMLValue.load(path)
        guard let mappings = root["mappings"] else { throw root.error("the key 'mappings' is missing") }
        var added = 0
        for (theme, value) in mappings.entries {
            for codeNode in try value.list() {
                let code = try codeNode.string()
                do {
                    added += try store.addMapping(code: code, theme: theme) ? 1 : 0
                } catch let error as CodingError {
                    throw codeNode.error(error.description)
                }
            }
        }
        return added
    }

    /// Applies a memo file: `theme_summaries: [{theme, group, text}]` and `code_memos: [{code, text}]`.
    ///
    /// - Returns: The number of memos written.
    /// - Throws: `CodebookError.invalidEntry` naming the line of a bad entry.
    @discardableResult
    public static func applyMemos(path: String, to store: ProjectStore, author: String) throws -> Int {
        let root = try YAMLValue.load(path)
        var written = 0
        for entry in try root["theme_summaries"]?.list() ?? [] {
            let target = MemoTarget.themeGroup(theme: try entry.requiredString("theme"), group: try entry.requiredString("group"))
            try write(entry, target: target, store: store, author: author)
            written += 1
        }
        for entry in try root["code_memos"]?.list() ?? [] {
            try write(entry, target: .code(try entry.requiredString("code")), store: store, author: author)
            written += 1
        }
        return written
    }

    private static func write(_ entry: YAMLValue, target: MemoTarget, store: ProjectStore, author: String) throws {
        do {
            try store.setMemo(try entry.requiredString("text"), on: target, author: author)
        } catch let error as CodingError {
            throw entry.error(error.description)
        } catch let error as CorpusError {
            throw entry.error(error.description)
        }
    }
}
