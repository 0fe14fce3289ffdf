extension ConversationDynamics {
    /// How each theme entered the talk of each document: the theme's first fragment there in the
    /// round, and whether the moderator's most recent turn before it holds one of the theme's terms.
    ///
    /// A fragment belongs to a theme as in the report: one of its codes, resolved through merges
    /// and active, maps to the theme. Terms are matched by `TermMatcher` over the turn's words.
    ///
    /// - Complexity: O(*c* + *t* · *d* · *u*) for *c* codings, *t* themes, *d* documents and *u*
    ///   utterances per document.
    static func initiations(sessions: [SessionTalk], roles: [String: SpeakerRole], corpus: CodedCorpus, round: Int) -> [Initiation] {
        // Per theme and document, the earliest fragment of the round.
        var first: [String: [String: Fragment]] = [:]
        for span in corpus.codings where span.round == round {
            guard let code = corpus.codes[span.codeID], code.status == .active else { continue }
            for theme in corpus.codeThemes[span.codeID] ?? [] {
                let fragment = span.fragment
                if let known = first[theme]?[fragment.documentID], !Self.starts(fragment, before: known) { continue }
                first[theme, default: [:]][fragment.documentID] = fragment
            }
        }
        var result: [Initiation] = []
        for theme in corpus.themes {
            guard let byDocument = first[theme.id] else { continue }
            let matcher = TermMatcher(terms: theme.terms)
            for session in sessions {
                guard let fragment = byDocument[session.document] else { continue }
                let position = session.turns.firstIndex { $0.index == fragment.startUtterance }
                let turn = position.map { session.turns[$0] }
                let prompt = position.flatMap { position in
                    session.turns[..<position].last { $0.speaker.map { roles[$0] == .moderator } ?? false }
                }
                let prompted =
                    prompt.map { !matcher.terms(in: Tokenizer.words(in: $0.text ?? "").map { $0.lowercased() }).isEmpty } ?? false
                result.append(
                    Initiation(
                        theme: theme.id, document: session.document, utterance: fragment.startUtterance, time: turn?.start,
                        role: turn?.speaker.map { roles[$0] ?? .participant }, prompted: prompted,
                        promptUtterance: prompted ? prompt?.index : nil))
            }
        }
        return result
    }

    /// Whether `a` starts earlier in its document than `b`.
    private static func starts(_ a: Fragment, before b: Fragment) -> Bool {
        (a.startUtterance, a.startOffset ?? 0) < (b.startUtterance, b.startOffset ?? 0)
    }
}
