import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// Exact results of the discourse instruments on small crafted texts.
@Suite struct InstrumentTests {
    static let citizens = """
        # id: c
        # group: citizens
        # moderator: M
        # speakers: M, C1, C2
        M: Wij vragen: wat vindt u van digitalisering?
        C1: Wij Nederlanders zijn mondig. Zij, de Chinezen, pikken alles.
        C2: Digitalisering is één ding; de digitale kluis, dat is wat anders.
        C1: Een datakluis voor data: data-eigenaarschap en data.
        """

    static let experts = """
        # id: e
        # group: experts
        # speakers: E1, E2
        E1: De overheid moet digitaliseren, maar zij vergeet de burger.
        E2: Burgers willen een digitale, kluis: een oplossing; wij niet.
        """

    private func project(_ folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        for (name, text) in [("c.txt", Self.citizens), ("e.txt", Self.experts)] {
            _ = try store.save(
                try PlainTextReader().read(SourceFile(path: name, bytes: Array(text.utf8)), options: ReadOptions()), replace: false)
        }
        return store
    }

    @Test func kwicFindsWildcardsPhrasesAndDiacritics() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        let scope = TextScope()
        let wildcard = try Concordance.search(try #require(WordPattern("digitalis*", scope: scope)), in: store, scope: scope, width: 10)
        #expect(wildcard.map { "\($0.document):\($0.utterance)" } == ["c:3", "e:1"])
        #expect(wildcard[0].keyword == "Digitalisering")
        #expect(wildcard[0].left == "")
        #expect(wildcard[0].right == " is één di")
        let withModerator = try Concordance.search(
            try #require(WordPattern("digitalis*", scope: scope)), in: store, scope: TextScope(includeModerators: true))
        #expect(withModerator.count == 3)
        // A phrase matches across punctuation; offsets are code points.
        let phrase = try Concordance.search(try #require(WordPattern("digitale kluis", scope: scope)), in: store, scope: scope, width: 5)
        #expect(phrase.map(\.document) == ["c", "e"])
        #expect(phrase[0].start == 31)
        #expect(phrase[0].keyword == "digitale kluis")
        #expect(phrase[1].keyword == "digitale, kluis")
        #expect(phrase[1].left == " een ")
        // Diacritics: `een` matches `één` only when folding.
        let strict = try Concordance.search(try #require(WordPattern("een", scope: scope)), in: store, scope: scope)
        #expect(strict.map(\.utterance) == [4, 2, 2])
        let folded = TextScope(foldDiacritics: true)
        let loose = try Concordance.search(try #require(WordPattern("een", scope: folded)), in: store, scope: folded)
        #expect(loose.map(\.keyword) == ["één", "Een", "een", "een"])
        let sorted = try Concordance.search(try #require(WordPattern("wij", scope: scope)), in: store, scope: scope, sort: .right)
        #expect(sorted.map(\.right) == [" Nederlanders zijn mondig. Zij, de Chine", " niet."])
    }

    @Test func kwicShowsCodesAndCodesHits() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "c", startUtterance: 2), codeName: "wij-zij", coder: "a"))
        let scope = TextScope()
        let lines = try Concordance.search(try #require(WordPattern("zij", scope: scope)), in: store, scope: scope)
        #expect(lines.map(\.codes) == [["wij-zij"], []])
        let result = try store.codeConcordance(lines, as: "derde persoon", round: nil, coder: "a", pattern: "zij")
        #expect(result.added == 2)
        let coded = try store.fragments(code: "derde persoon")
        #expect(coded.map(\.text) == ["Zij", "zij"])
        let restricted = try Concordance.search(
            try #require(WordPattern("zij", scope: scope)), in: store, scope: TextScope(codes: ["wij-zij"]))
        #expect(restricted.map(\.document) == ["c"])
    }

    @Test func keynessMatchesHandWorkedValues() throws {
        // Hand-worked 2×2 table: a = 10 of c = 100, b = 5 of d = 200.
        // Expected: E11 = 100·15/300 = 5, E12 = 95, E21 = 10, E22 = 190;
        // G² = 2 (10 ln 2 + 90 ln(90/95) + 5 ln 0.5 + 195 ln(195/190)) = 7.3298…
        let g2 = KeynessStatistics.logLikelihood(a: 10, b: 5, c: 100, d: 200)
        let hand = 2 * (10 * log(2.0) + 90 * log(90.0 / 95.0) + 5 * log(0.5) + 195 * log(195.0 / 190.0))
        #expect(abs(g2 - hand) < 1e-12)
        #expect(abs(g2 - 7.329_8) < 1e-4)
        #expect(KeynessStatistics.logRatio(a: 10, b: 5, c: 100, d: 200) == 2)
        #expect(KeynessStatistics.logRatio(a: 4, b: 0, c: 100, d: 100) == 3)
        #expect(KeynessStatistics.percentDifference(a: 10, b: 5, c: 100, d: 200) == 300)
        #expect(KeynessStatistics.percentDifference(a: 1, b: 0, c: 10, d: 10) == nil)

        let folder = TemporaryDirectory()
        let store = try project(folder)
        let result = try Keyness.compare(target: "citizens", reference: "experts", in: store, scope: TextScope(), minimumFrequency: 2)
        // Citizens' participants: 9 + 11 + 7 = 27 words; experts 9 + 9 = 18.
        #expect(result.targetTokens == 27)
        #expect(result.referenceTokens == 18)
        let data = try #require(result.targetKeywords.first { $0.item == "data" })
        #expect(data.frequency == 2)
        #expect(data.referenceFrequency == 0)
        #expect(abs(data.logLikelihood - KeynessStatistics.logLikelihood(a: 2, b: 0, c: 27, d: 18)) < 1e-12)
        #expect(abs(data.logRatio - log2((2.0 / 27.0) / (0.5 / 18.0))) < 1e-12)
        // 'de': 2 of 27 against 2 of 18, so relatively more frequent among the experts.
        #expect(result.referenceKeywords.contains { $0.item == "de" })
        let rest = try Keyness.compare(target: "experts", reference: nil, in: store, scope: TextScope(), minimumFrequency: 1)
        #expect(rest.reference == "rest")
        #expect(rest.referenceTokens == 27)
    }

    @Test func collocationScoresMatchHandCalculations() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let text = "# speakers: A\nA: rode kluis groene kluis rode deur\nA: rode kluis\n"
        _ = try store.save(
            try PlainTextReader().read(SourceFile(path: "k.txt", bytes: Array(text.utf8)), options: ReadOptions()), replace: false)
        // N = 8 words; node 'kluis' f = 3; window 1,1 (S = 2); 'rode' f = 3, observed next to kluis: 3 times
        // (rode|kluis, kluis|rode (utt 1 pos 3→4? no: kluis groene), …) — counted below by hand:
        // utt 1: rode kluis groene kluis rode deur → kluis@1 neighbours rode, groene; kluis@3 neighbours groene, rode.
        // utt 2: rode kluis → neighbour rode. So O(rode) = 3, O(groene) = 2.
        let all = try Collocations.find(node: "kluis", in: store, scope: TextScope(), window: (1, 1), measure: .mi, minimumObserved: 1)
        let rode = try #require(all.first { $0.word == "rode" })
        #expect(rode.observed == 3)
        #expect(rode.frequency == 3)
        let expected = 3.0 * 3.0 * 2.0 / 8.0
        #expect(abs(rode.expected - expected) < 1e-12)
        #expect(abs(rode.score - log2(3.0 / expected)) < 1e-12)
        let dice = try Collocations.find(
            node: "kluis", in: store, scope: TextScope(), window: (1, 1), measure: .logdice, minimumObserved: 1)
        #expect(abs((dice.first { $0.word == "groene" }?.score ?? 0) - (14 + log2(2.0 * 2.0 / (3.0 + 1.0)))) < 1e-12)
        let t = try Collocations.find(node: "kluis", in: store, scope: TextScope(), window: (1, 1), measure: .t, minimumObserved: 1)
        #expect(abs((t.first { $0.word == "rode" }?.score ?? 0) - (3.0 - expected) / 3.0.squareRoot()) < 1e-12)
    }

    @Test func positioningCountsPronounsAndGroupNouns() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        let rows = try Positioning.measure(in: store, scope: TextScope())
        let citizens = try #require(rows.first { $0.group == "citizens" && $0.theme == "all" })
        #expect(citizens.words == 27)
        #expect(citizens.firstPersonPlural == 1)
        #expect(citizens.thirdPersonPlural == 1)
        #expect(citizens.groupNouns == ["nederlander*": 1, "chinez*": 1])
        #expect(abs(citizens.firstPersonPluralPer1000 - 1000.0 / 27.0) < 1e-9)
        let experts = try #require(rows.first { $0.group == "experts" && $0.theme == "all" })
        #expect(experts.firstPersonPlural == 1)
        #expect(experts.thirdPersonPlural == 1)
        #expect(experts.groupNouns == ["overheid*": 1, "burger*": 2])
    }

    @Test func autocodingWithOverlappingAndMultiWordPatterns() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        let dictionary = folder.write(
            "dict.tsv", "code\tpattern\nexact data\tdata\nprefix data\tdata*\nkluis\tdatakluis\nkluis\tdigitale kluis\n# comment\n")
        let hits = try AutoCoder.hits(of: try CodingDictionary.load(path: dictionary), in: store, scope: TextScope())
        let described = hits.map {
            "\($0.code)@\($0.fragment.documentID):\($0.fragment.startUtterance):\($0.fragment.startOffset!)-\($0.fragment.endOffset!)=\($0.text)"
        }
        #expect(
            described.sorted() == [
                "exact data@c:4:19-23=data",
                "exact data@c:4:47-51=data",
                "kluis@c:3:31-45=digitale kluis",
                "kluis@c:4:4-13=datakluis",
                "kluis@e:2:19-34=digitale, kluis",
                "prefix data@c:4:19-23=data",
                "prefix data@c:4:25-43=data-eigenaarschap",
                "prefix data@c:4:4-13=datakluis",
                "prefix data@c:4:47-51=data",
            ])
        #expect(AutoCoder.counts(hits).total == 2 + 4 + 3)
        #expect(
            AutoCoder.counts(hits).perCode == [
                "exact data": ["citizens": 2], "prefix data": ["citizens": 4], "kluis": ["citizens": 2, "experts": 1],
            ])
        #expect(
            try AutoCoder.countHits(of: try CodingDictionary.load(path: dictionary), in: store, scope: TextScope())
                == AutoCoder.counts(hits))
        // The suggestion sheet round-trips through import.
        let sheet = folder.write("suggestions.tsv", CodingSheet.render(AutoCoder.sheetRows(hits, round: 1, coder: "auto")))
        // The streamed sheet is line for line the rendered one (a tab in a cell becomes a space).
        let streamed = folder.file("streamed.tsv")
        var streamedCounts = AutoCodeCounts()
        try AtomicFile.stream(to: streamed) { output in
            streamedCounts = try AutoCoder.writeSheet(
                of: try CodingDictionary.load(path: dictionary), in: store, scope: TextScope(), round: 3, coder: "auto\tmatic",
                to: output)
        }
        #expect(
            try String(contentsOfFile: streamed, encoding: .utf8)
                == CodingSheet.render(AutoCoder.sheetRows(hits, round: 3, coder: "auto\tmatic")))
        #expect(streamedCounts == AutoCoder.counts(hits))
        let imported = try SheetImporter.importSheet(at: sheet, into: store, defaultCoder: "x")
        #expect(imported.added == 9)
        #expect(try store.fragments(code: "kluis").map(\.text) == ["digitale kluis", "datakluis", "digitale, kluis"])
        // Applying directly marks new codes as suggested.
        let other = TemporaryDirectory()
        let fresh = try project(other)
        _ = try fresh.applyAutoCodes(hits, round: nil, coder: "auto", file: dictionary)
        #expect(try fresh.codes().allSatisfy { $0.origin == .suggested })
    }

    @Test func badDictionaryLinesAreReported() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("d.tsv", "a\tda*ta\nno tab here\n\tx\n")
        let error = #expect(throws: SheetError.self) { try CodingDictionary.load(path: path) }
        #expect(error?.issues.map(\.line) == [1, 2, 3])
    }

    @Test func ahoCorasickFindsEveryOverlap() throws {
        let corpus = ["he", "she", "his", "hers"].map { Array($0.utf8) }
        var found: [String] = []
        let automaton = AhoCorasick(corpus)
        automaton.forEachMatch(in: Array("ushers".utf8)) { id, end in found.append("\(id)@\(end)") }
        #expect(found.sorted() == ["0@4", "1@4", "3@6"])
    }
}

@Suite struct SearchIndexTests {
    @Test func candidatesNarrowTheSearchAndFollowNewDocuments() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        func ingest(_ name: String, _ text: String) throws {
            _ = try store.save(
                try PlainTextReader().read(SourceFile(path: name, bytes: Array(text.utf8)), options: ReadOptions()), replace: false)
        }
        try ingest("a.txt", "# speakers: A1\nA1: De digitale kluis.\nA1: Iets anders.\nA1: Sociaal-economisch één.\n")
        let kluis = try #require(try store.searchCandidates(["kluis"]))
        #expect(kluis == [.init(document: "a", index: 1)])
        #expect(try store.searchCandidates(["digit*"]) == [.init(document: "a", index: 1)])
        #expect(try store.searchCandidates(["sociaal-economisch"]) == [.init(document: "a", index: 3)])
        #expect(try store.searchCandidates(["een"]) == [.init(document: "a", index: 3)], "diacritics are folded in the index")
        #expect(try store.searchCandidates(["*"]) == nil)
        // A document ingested after the index was built is found too.
        try ingest("b.txt", "# speakers: B1\nB1: Nog een kluis.\n")
        #expect(try store.searchCandidates(["kluis"]) == [.init(document: "a", index: 1), .init(document: "b", index: 1)])
        let scope = TextScope()
        let lines = try Concordance.search(try #require(WordPattern("kluis", scope: scope)), in: store, scope: scope)
        #expect(lines.map(\.document) == ["a", "b"])
        let limited = try Concordance.search(try #require(WordPattern("kluis", scope: scope)), in: store, scope: scope, limit: 1)
        #expect(limited.map(\.document) == ["a"])
    }
}

@Suite struct ASCIITokenTests {
    @Test func onePassWordsAgreeWithTheTokenizer() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aB9 -'.,x-'ZÉëİ\u{301}’🙂ß")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let fast = ProjectStore.lowercaseTokens(text)
            #expect(fast.map(\.span) == Tokenizer.spans(in: text), "\(text.debugDescription)")
            #expect(fast.map(\.form) == Tokenizer.words(in: text).map { $0.lowercased() })
        }
    }
}
