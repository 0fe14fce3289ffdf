import Foundation

extension ProjectStore {
    /// Calls `body` with every utterance in scope and its words, streaming.
    ///
    /// - Throws: `CodingError.unknownCode` or `.unknownTheme` for a restriction the project lacks,
    ///   `AnalysisError.unknownGroup` or `.unknownAttribute` for a group that does not exist.
    public func forEachUtterance(
        in scope: TextScope, only keys: Set<CodedCorpus.UtteranceKey>? = nil, _ body: (ScopedUtterance) throws -> Void
    ) throws {
        if let group = scope.group { try checkGroups([group], by: scope.by) }
        let allowed = try scope.restrictsToFragments ? allowedRanges(for: scope) : nil
        try forEachUtterance(by: scope.by, only: keys) { record in
            if !scope.includeModerators && record.isModerator { return }
            if let group = scope.group, record.group != group { return }
            if let document = scope.document, record.document != document { return }
            if let speaker = scope.speaker, record.speaker != speaker { return }
            var ranges: [Range<Int>]?
            if let allowed {
                guard let found = allowed[CodedCorpus.UtteranceKey(document: record.document, index: record.index)] else { return }
                ranges = found
            }
            let scalars = Array(record.text.unicodeScalars)
            if !scope.foldDiacritics {
                // Words and their lowercase forms in one pass, without a String per word until the end.
                let all = Self.lowercaseTokens(record.text)
                let inScope =
                    ranges.map { ranges in all.filter { token in ranges.contains { $0.overlaps(token.span.start..<token.span.end) } } }
                    ?? all
                try body(ScopedUtterance(record: record, tokens: inScope, allTokens: all, scalars: scalars))
                return
            }
            // Normalise the whole utterance once; slice the words from it when that keeps positions.
            let normalized = Array(scope.normalize(record.text).unicodeScalars)
            let aligned = normalized.count == scalars.count
            var all: [ScopedToken] = []
            Tokenizer.forEachSpan(in: record.text) { span in
                var word = String.UnicodeScalarView()
                if aligned {
                    word.append(contentsOf: normalized[span.start..<span.end])
                    all.append(ScopedToken(span: span, form: String(word)))
                } else {
                    word.append(contentsOf: scalars[span.start..<span.end])
                    all.append(ScopedToken(span: span, form: scope.normalize(String(word))))
                }
            }
            let inScope =
                ranges.map { ranges in all.filter { token in ranges.contains { $0.overlaps(token.span.start..<token.span.end) } } } ?? all
            try body(ScopedUtterance(record: record, tokens: inScope, allTokens: all, scalars: scalars))
        }
    }

    /// The words of a text with their lowercase forms, by the project tokenizer's rules, in one pass
    /// over its Unicode scalars (ASCII handled on bytes, other scalars by their Unicode properties).
    ///
    /// - Complexity: O(*n*) in the number of Unicode scalars.
    static func lowercaseTokens(_ text: String) -> [ScopedToken] {
        var tokens: [ScopedToken] = []
        var form: [UInt8] = []
        var pending: [UInt8] = []  // a joiner seen inside a word, kept until the next scalar decides
        var start = -1
        var offset = 0
        func finish(at end: Int) {
            tokens.append(ScopedToken(span: Tokenizer.Span(start: start, end: end), form: String(decoding: form, as: UTF8.self)))
            form.removeAll(keepingCapacity: true)
            pending.removeAll(keepingCapacity: true)
            start = -1
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWord: Bool
            if value < 0x80 {
                let byte = UInt8(value)
                isWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                if isWord {
                    if start < 0 { start = offset }
                    form.append(contentsOf: pending)
                    pending.removeAll(keepingCapacity: true)
                    form.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                }
            } else {
                isWord = Tokenizer.isWordScalar(scalar)
                if isWord {
                    if start < 0 { start = offset }
                    form.append(contentsOf: pending)
                    pending.removeAll(keepingCapacity: true)
                    form.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            }
            if !isWord && start >= 0 {
                if pending.isEmpty && Tokenizer.isJoiner(scalar) {
                    pending.append(contentsOf: String(scalar).utf8)
                } else {
                    finish(at: pending.isEmpty ? offset : offset - 1)
                }
            }
            offset += 1
        }
        if start >= 0 { finish(at: pending.isEmpty ? offset : offset - 1) }
        return tokens
    }

    /// Per utterance, the ranges covered by fragments with the scope's codes or theme (any round).
    private func allowedRanges(for scope: TextScope) throws -> [CodedCorpus.UtteranceKey: [Range<Int>]] {
        let corpus = try codedCorpus(includeModerators: true)
        var wanted: Set<Int64> = []
        for name in scope.codes {
            guard
                let code = corpus.codes.values.first(where: { $0.name == name && $0.status == .active })
                    ?? corpus.codes.values.first(where: { $0.name == name })
            else {
                throw CodingError.unknownCode(
                    name,
                    suggestion: NameSuggester.closest(to: name, among: corpus.codes.values.filter { $0.status == .active }.map(\.name)))
            }
            wanted.insert(code.id)
        }
        if let theme = scope.theme {
            guard corpus.themes.contains(where: { $0.id == theme }) else {
                throw CodingError.unknownTheme(theme, suggestion: NameSuggester.closest(to: theme, among: corpus.themes.map(\.id)))
            }
            wanted.formUnion(corpus.codeThemes.filter { $0.value.contains(theme) }.keys)
        }
        var result: [CodedCorpus.UtteranceKey: [Range<Int>]] = [:]
        for span in corpus.codings where wanted.contains(span.codeID) {
            for index in span.fragment.startUtterance...span.fragment.endUtterance {
                let key = CodedCorpus.UtteranceKey(document: span.fragment.documentID, index: index)
                guard let info = corpus.utterances[key], let range = span.fragment.coveredRange(inUtterance: index, length: info.length)
                else { continue }
                result[key, default: []].append(range)
            }
        }
        return result
    }
}
