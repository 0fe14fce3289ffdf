/// The coders, units and codes an agreement check compares, resolved against the coded corpus.
///
/// **Missing judgements.** A coder who has no coding at all (of any code) in a document in the
/// round has not coded that document: their judgements on its units are missing, not *absent*.
/// So a second coder who coded one session of three is compared on that session only.
struct AgreementScope {
    /// The coders, in the order asked, without repeats.
    var coders: [String]
    /// The round compared.
    var round: Int
    /// The documents, in corpus order.
    var documents: [String]
    /// Per document, the coders who coded it in the round.
    var judgedBy: [String: Set<String>]
    /// The units: counted utterances of the documents, in document order.
    var units: [CodedCorpus.UtteranceKey]
    /// The codes compared, by name (then id).
    var codeIDs: [Int64]
    /// The chosen coders' codings of those codes in the round, in those documents.
    var spans: [CodedCorpus.CodedSpan]
    /// Whether moderators' and observers' utterances count.
    var includesModerators: Bool

    /// Resolves `options` against `corpus`.
    ///
    /// - Throws: `AgreementError.tooFewCoders`, `.unknownCoder`; `CodingError.invalidRound`,
    ///   `.unknownCode`, `.inactiveCode` (a merged code: name its target); `CorpusError.unknownDocument`.
    /// - Complexity: O(*c* + *u* + *k* log *k*) for *c* codings, *u* utterances and *k* codes.
    init(corpus: CodedCorpus, options: AgreementOptions) throws {
        var seen: Set<String> = []
        let coders = options.coders.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard coders.count >= 2 else { throw AgreementError.tooFewCoders(coders) }
        let allCoders = Set(corpus.codings.map(\.coder))
        for coder in coders where !allCoders.contains(coder) {
            throw AgreementError.unknownCoder(coder, suggestion: NameSuggester.closest(to: coder, among: allCoders.sorted()))
        }
        let round = options.round ?? corpus.currentRound
        try CodingRound.validate(round)

        let chosen = Set(coders)
        let inRound = corpus.codings.filter { $0.round == round && chosen.contains($0.coder) }
        var judgedBy: [String: Set<String>] = [:]
        for span in inRound { judgedBy[span.fragment.documentID, default: []].insert(span.coder) }

        let documents: [String]
        if options.documents.isEmpty {
            documents = corpus.documents.filter { judgedBy[$0] != nil }
        } else {
            let known = Set(corpus.documents)
            for document in options.documents where !known.contains(document) {
                throw CorpusError.unknownDocument(document, suggestion: NameSuggester.closest(to: document, among: corpus.documents))
            }
            let asked = Set(options.documents)
            documents = corpus.documents.filter(asked.contains)
        }

        let wantedDocuments = Set(documents)
        let includesModerators = options.includeModerators
        let order = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1, $0) })
        let units = corpus.utterances.compactMap { key, info in
            wantedDocuments.contains(key.document) && (includesModerators || !info.isModerator) ? key : nil
        }.sorted { (order[$0.document]!, $0.index) < (order[$1.document]!, $1.index) }

        let codeIDs: Set<Int64>
        if options.codes.isEmpty {
            codeIDs = Set(inRound.filter { wantedDocuments.contains($0.fragment.documentID) }.map(\.codeID))
        } else {
            codeIDs = try Set(options.codes.map { try Self.resolve(code: $0, in: corpus) })
        }
        let name = { (id: Int64) in corpus.codes[id]?.name ?? "" }

        self.coders = coders
        self.round = round
        self.documents = documents
        self.judgedBy = judgedBy
        self.units = units
        self.codeIDs = codeIDs.sorted { (name($0), $0) < (name($1), $1) }
        self.spans = inRound.filter { wantedDocuments.contains($0.fragment.documentID) && codeIDs.contains($0.codeID) }
        self.includesModerators = includesModerators
    }

    /// The index of each coder, in report order.
    var coderIndex: [String: Int] { Dictionary(uniqueKeysWithValues: coders.enumerated().map { ($1, $0) }) }

    /// Whether `coder` coded `document` in the round (else their judgements there are missing).
    func judged(_ document: String, by coder: String) -> Bool { judgedBy[document]?.contains(coder) ?? false }

    /// The id of the code named `name`: the active code with that name, else a retired one.
    ///
    /// - Throws: `CodingError.unknownCode` with the closest name, `.inactiveCode` for a merged code.
    static func resolve(code name: String, in corpus: CodedCorpus) throws -> Int64 {
        let named = corpus.codes.values.filter { $0.name == name }
        if let active = named.first(where: { $0.status == .active }) { return active.id }
        if let retired = named.filter({ $0.status == .retired }).max(by: { $0.id < $1.id }) { return retired.id }
        if let merged = named.max(by: { $0.id < $1.id }) {
            throw CodingError.inactiveCode(name, status: .merged, mergedInto: merged.followingMerges { corpus.codes[$0] }.name)
        }
        let active = corpus.codes.values.filter { $0.status == .active }.map(\.name).sorted()
        throw CodingError.unknownCode(name, suggestion: NameSuggester.closest(to: name, among: active))
    }
}
