extension ThemeReport {
    /// The definitions printed in every report and in README.
    public static let definitionTexts: [String: String] = [
        "fragment":
            "A distinct coded span: document, first and last utterance, start and end offset (Unicode code points); or a distinct time span of a document's recording (start and end in milliseconds), coded without words. A fragment belongs to a theme when at least one of its codes, after consolidation, maps to the theme. A time-span coding and a text coding of the same moment are two fragments.",
        "round":
            "Figures use the codings of one round: round 2 once it has started, else round 1 (unless chosen). Codings on merged codes count for the code they were merged into; codings on retired codes count for no theme.",
        "words":
            "Distinct words (the project tokenizer: runs of letters and digits, keeping inner hyphens and apostrophes) covered by the union of the fragments; a word counts when any of its characters lies inside a fragment.",
        "share_of_words": "words divided by all words of the group's counted speakers.",
        "seconds":
            "Seconds of recording covered by the union of the theme's time-span fragments in each document, added over the documents: overlapping spans (of one code or of several) count once. A time span counts for the groups of the counted speakers whose utterances overlap it in time (utterance times plus the recording's offset), or, when none does, for the group of its document.",
        "coded_seconds": "Seconds of recording covered by the union of all time-span fragments of the round, counted as for seconds.",
        "participants": "Distinct participants who spoke at least one of the fragments (for a group: who spoke at least once).",
        "share_of_participants": "participants of the theme divided by the group's participants.",
        "documents": "Distinct documents with at least one of the fragments.",
        "codes": "Each consolidated code of the theme with the number of distinct fragments it is on.",
        "co_themes": "Other themes coded on the same fragments, with the number of fragments shared.",
        "comparison":
            "For two groups: Dunning's log-likelihood G² on the 2×2 table of the theme's words against the group's other words, and Hardie's Log Ratio (log2 of the ratio of the two shares, a zero count taken as 0.5). For more groups: G² over all groups. raised_more_by is the group with the highest share of words.",
        "moderators": "Moderators and observers are left out of every count unless --include-moderators is given.",
        "silences":
            "Codebook themes no group raised; themes one group raised and another did not; a theme's sensitising terms a group never used anywhere in its talk; the number of a group's participants who never spoke on a theme the group discussed (never their names).",
        "privacy":
            "Speakers appear by pseudonym. No participant text appears unless --quotes is given, and then at most the word limit per quote.",
    ]

    /// Computes the report.
    ///
    /// - Parameters:
    ///   - corpus: The coded corpus, loaded with the report's grouping attribute and moderator choice
    ///     (and with texts when quotes are asked for).
    ///   - termUsage: Per group, the sensitising terms used anywhere in its talk.
    ///   - options: The report options.
    /// - Throws: `CodingError.unknownTheme` for a theme in `options.themes` the project does not have.
    /// - Complexity: O(*c* + *w*) for *c* codings and *w* words of partially coded utterances, per theme.
    public static func build(corpus: CodedCorpus, termUsage: [String: Set<String>], options: ReportOptions) throws -> ThemeReport {
        let round = try options.round.resolved(currentRound: corpus.currentRound)
        for id in options.themes where !corpus.themes.contains(where: { $0.id == id }) {
            throw CodingError.unknownTheme(id, suggestion: NameSuggester.closest(to: id, among: corpus.themes.map(\.id)))
        }
        let themes = options.themes.isEmpty ? corpus.themes : corpus.themes.filter { options.themes.contains($0.id) }
        let groupNames = corpus.groupNames
        let utterances = corpus.utterances
        let table = RoundFragments(corpus: corpus, round: round)

        // Time spans of the round with their active codes, themes and groups.
        var codesOnSpan: [TimeSpan: Set<Int64>] = [:]
        var spanGroups: [TimeSpan: Set<String>] = [:]
        for coded in corpus.timeSpans where coded.round == round {
            guard let code = corpus.codes[coded.codeID], code.status == .active else { continue }
            codesOnSpan[coded.span, default: []].insert(coded.codeID)
            spanGroups[coded.span, default: []].formUnion(coded.groups)
        }
        let spans = codesOnSpan.keys.sorted()
        let spanThemes: [Set<String>] = spans.map { span in
            codesOnSpan[span, default: []].reduce(into: Set<String>()) { $0.formUnion(corpus.codeThemes[$1] ?? []) }
        }
        var spansByTheme: [String: [Int]] = [:]
        for (position, themes) in spanThemes.enumerated() {
            for theme in themes { spansByTheme[theme, default: []].append(position) }
        }
        func secondsPerGroup(_ positions: some Sequence<Int>) -> [String: Double] {
            var perGroup: [String: [TimeSpan]] = [:]
            for position in positions {
                for group in spanGroups[spans[position]] ?? [] { perGroup[group, default: []].append(spans[position]) }
            }
            return perGroup.mapValues { Double(TimeSpan.unionMilliseconds($0)) / 1000 }
        }
        let codedSeconds = secondsPerGroup(spans.indices)

        var fragmentsByTheme = [[Int]](repeating: [], count: table.themeIDs.count)
        for position in table.fragments.indices {
            for theme in table.themes[position] { fragmentsByTheme[theme].append(position) }
        }
        func wordsPerGroup(_ positions: some Sequence<Int>) -> [String: Int] {
            var perGroup = [Int](repeating: 0, count: utterances.groupNames.count)
            let located = positions.lazy.map { (document: table.documents[$0], fragment: table.fragments[$0]) }
            Coverage.forEachCoveredSlot(by: located, in: utterances) { slot, words in
                let group = utterances.countedGroups[slot]
                if group >= 0 { perGroup[Int(group)] += words }
            }
            var result: [String: Int] = [:]
            for (group, words) in perGroup.enumerated() where words > 0 { result[utterances.groupNames[group]] = words }
            return result
        }

        let codedWords = wordsPerGroup(table.fragments.indices)
        let groups = groupNames.compactMap { name -> Group? in
            guard let totals = corpus.groups[name] else { return nil }
            return Group(
                name: name, documents: totals.documents, participants: totals.participants.count,
                utterances: totals.utterances, words: totals.words, codedWords: codedWords[name] ?? 0,
                codedSeconds: codedSeconds[name] ?? 0)
        }
        let pseudonyms = corpus.speakerNames(pseudonymized: options.pseudonymize)

        var reportThemes: [Theme] = []
        var silences: [Silence] = []
        for theme in themes {
            let themeOrdinal = table.themeIDs.firstIndex(of: theme.id) ?? -1
            let positions = themeOrdinal >= 0 ? fragmentsByTheme[themeOrdinal] : []
            let themeWords = wordsPerGroup(positions)
            let spanPositions = spansByTheme[theme.id] ?? []
            let themeSeconds = secondsPerGroup(spanPositions)
            var cells: [String: Cell] = [:]
            for group in groupNames {
                guard let totals = corpus.groups[group] else { continue }
                let groupOrdinal = utterances.group(group) ?? -1
                var count = 0
                var speakers = [Bool](repeating: false, count: utterances.participantCount)
                var speakerCount = 0
                var fragmentDocuments = [Bool](repeating: false, count: utterances.documentIDs.count)
                var documents: Set<String> = []
                var codeCounts = [Int](repeating: 0, count: table.codeIDs.count)
                var coThemeCounts = [Int](repeating: 0, count: table.themeIDs.count)
                var inGroup: [Fragment] = []
                for position in positions {
                    var spoken = false
                    for slot in table.countedSlots[position] where utterances.groups[slot] == groupOrdinal {
                        spoken = true
                        let speaker = Int(utterances.participants[slot])
                        if speaker >= 0, !speakers[speaker] {
                            speakers[speaker] = true
                            speakerCount += 1
                        }
                    }
                    guard spoken else { continue }
                    count += 1
                    if options.quotes { inGroup.append(table.fragments[position]) }
                    let document = table.documents[position]
                    if !fragmentDocuments[document] {
                        fragmentDocuments[document] = true
                        documents.insert(utterances.documentIDs[document])
                    }
                    for code in table.codes[position] where table.codeThemes[code].contains(themeOrdinal) { codeCounts[code] += 1 }
                    for other in table.themes[position] where other != themeOrdinal { coThemeCounts[other] += 1 }
                }
                for position in spanPositions where spanGroups[spans[position]]?.contains(group) == true {
                    let span = spans[position]
                    count += 1
                    documents.insert(span.documentID)
                    for code in codesOnSpan[span] ?? [] where corpus.codeThemes[code]?.contains(theme.id) == true {
                        if let ordinal = table.code(code) { codeCounts[ordinal] += 1 }
                    }
                    for other in spanThemes[position] where other != theme.id {
                        if let ordinal = table.themeIDs.firstIndex(of: other) { coThemeCounts[ordinal] += 1 }
                    }
                }
                let words = themeWords[group] ?? 0
                let codes = codeCounts.indices.filter { codeCounts[$0] > 0 }
                    .map { CodeCount(code: corpus.codes[table.codeIDs[$0]]?.name ?? "?", fragments: codeCounts[$0]) }
                    .sorted { ($0.fragments, $1.code) > ($1.fragments, $0.code) }
                let co = coThemeCounts.indices.filter { coThemeCounts[$0] > 0 }
                    .map { CoTheme(theme: table.themeIDs[$0], fragments: coThemeCounts[$0]) }
                    .sorted { ($0.fragments, $1.theme) > ($1.fragments, $0.theme) }
                cells[group] = Cell(
                    fragments: count, words: words, seconds: themeSeconds[group] ?? 0,
                    shareOfWords: totals.words == 0 ? 0 : Double(words) / Double(totals.words),
                    participants: speakerCount,
                    shareOfParticipants: totals.participants.isEmpty ? 0 : Double(speakerCount) / Double(totals.participants.count),
                    documents: documents.count, codes: codes, coThemes: co, summary: corpus.themeSummaries[theme.id]?[group],
                    quotes: options.quotes
                        ? Self.quotes(inGroup, group: group, corpus: corpus, pseudonyms: pseudonyms, options: options) : nil)
                if count > 0, totals.participants.count > speakerCount {
                    silences.append(
                        Silence(
                            kind: .participantsSilentOnTheme, theme: theme.id, group: group,
                            count: totals.participants.count - speakerCount, of: totals.participants.count))
                }
                let unused = theme.terms.filter { !(termUsage[group]?.contains($0) ?? false) }
                if !unused.isEmpty { silences.append(Silence(kind: .termsNeverUsed, theme: theme.id, group: group, terms: unused)) }
            }
            let raisedBy = groupNames.filter { (cells[$0]?.fragments ?? 0) > 0 }
            if raisedBy.isEmpty {
                silences.append(Silence(kind: .themeNotRaised, theme: theme.id))
            } else {
                for group in groupNames where !raisedBy.contains(group) {
                    silences.append(Silence(kind: .themeNotRaisedByGroup, theme: theme.id, group: group))
                }
            }
            reportThemes.append(
                Theme(
                    id: theme.id, label: theme.label, description: theme.description, groups: cells,
                    comparison: Self.compare(groups: groups, themeWords: themeWords)))
        }
        let order = Dictionary(uniqueKeysWithValues: themes.enumerated().map { ($1.id, $0) })
        silences.sort { (order[$0.theme] ?? 0, $0.kind, $0.group ?? "") < (order[$1.theme] ?? 0, $1.kind, $1.group ?? "") }
        return ThemeReport(
            generatedBy: "cda \(CDAVersion.current)", project: options.projectName, round: round, by: corpus.attribute,
            includesModerators: corpus.includesModerators,
            privacy: options.quotes ? .quotes(maxWords: options.maxQuoteWords) : .private,
            groups: groups, themes: reportThemes, silences: silences, definitions: definitionTexts)
    }

    private static func compare(groups: [Group], themeWords: [String: Int]) -> Comparison? {
        guard groups.count >= 2 else { return nil }
        let observed = groups.map { themeWords[$0.name] ?? 0 }
        let totals = groups.map(\.words)
        let shares = zip(observed, totals).map { $1 == 0 ? 0 : Double($0) / Double($1) }
        let best = shares.enumerated().max { $0.element < $1.element }
        let raisedMoreBy = best.flatMap { $0.element > 0 ? groups[$0.offset].name : nil }
        if groups.count == 2 {
            let (a, b, c, d) = (Double(observed[0]), Double(observed[1]), Double(totals[0]), Double(totals[1]))
            return Comparison(
                method: .logLikelihood2x2, groups: groups.map(\.name), themeWords: observed, totalWords: totals,
                logLikelihood: KeynessStatistics.logLikelihood(a: a, b: b, c: c, d: d),
                logRatio: KeynessStatistics.logRatio(a: a, b: b, c: c, d: d), raisedMoreBy: raisedMoreBy)
        }
        return Comparison(
            method: .logLikelihood, groups: groups.map(\.name), themeWords: observed, totalWords: totals,
            logLikelihood: KeynessStatistics.logLikelihood(observed: observed.map(Double.init), totals: totals.map(Double.init)),
            logRatio: nil, raisedMoreBy: raisedMoreBy)
    }

    private static func quotes(
        _ fragments: [Fragment], group: String, corpus: CodedCorpus, pseudonyms: [String: String], options: ReportOptions
    ) -> [Quote] {
        let ordered = fragments.filter { corpus.selected[$0] != nil } + fragments.filter { corpus.selected[$0] == nil }
        return ordered.prefix(options.maxQuotes).map { fragment in
            var pieces: [String] = []
            var speaker: String?
            for index in fragment.startUtterance...fragment.endUtterance {
                let key = CodedCorpus.UtteranceKey(document: fragment.documentID, index: index)
                guard let info = corpus.utterances[key], info.group == group, !info.isModerator || corpus.includesModerators,
                    let text = info.text, let range = fragment.coveredRange(inUtterance: index, length: info.length)
                else { continue }
                speaker = speaker ?? info.speaker.flatMap { pseudonyms[$0] }
                pieces.append(text.scalarSlice(range))
            }
            let note = corpus.selected[fragment]
            return Quote(
                location: "\(fragment.documentID):\(fragment.utteranceLabel)", speaker: speaker,
                text: truncate(pieces.joined(separator: " "), words: options.maxQuoteWords),
                selected: note != nil, note: note.flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    /// `text` cut after its `words`-th word, with `…` when something was cut.
    static func truncate(_ text: String, words limit: Int) -> String {
        let spans = Tokenizer.spans(in: text)
        guard spans.count > limit, limit > 0 else { return limit <= 0 ? "…" : text }
        let end = spans[limit - 1].end
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(end))) + " …"
    }
}
