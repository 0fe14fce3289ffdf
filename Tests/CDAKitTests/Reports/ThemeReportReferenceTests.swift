import CDAKit
import CDATestSupport
import Foundation
import Testing

/// The report's figures, computed on numbered fragments and utterance slots, against a naive
/// reference that hashes fragments and `(document, utterance)` keys the way the definitions read,
/// on many random codings: partial and multi-utterance fragments, one fragment under several
/// codes and coders, the moderator's talk, merged and retired codes.
@Suite struct ThemeReportReferenceTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    private struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    private static let codes = ["a", "b", "c", "d", "e", "f", "g"]

    private func randomProject(_ folder: TemporaryDirectory, seed: UInt64) throws -> ProjectStore {
        let store = try CodingFixtures.project(in: folder)
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook), actor: "t")
        var random = Random(state: seed)
        var lengths: [String: [Int]] = [:]
        for document in ["cit", "exp"] {
            lengths[document] = try store.utterances(of: document).map { $0.text.unicodeScalars.count }
        }
        for _ in 0..<60 {
            let document = random.next(2) == 0 ? "cit" : "exp"
            let sizes = lengths[document]!
            let first = 1 + random.next(sizes.count)
            let last = min(sizes.count, first + random.next(3))
            var fragment = Fragment(documentID: document, startUtterance: first, endUtterance: last)
            if random.next(2) == 0 {
                let start = random.next(sizes[first - 1])
                let end = first == last ? start + 1 + random.next(sizes[last - 1] - start) : 1 + random.next(sizes[last - 1])
                fragment = Fragment(documentID: document, startUtterance: first, startOffset: start, endUtterance: last, endOffset: end)
            }
            for _ in 0...random.next(2) {
                let request = CodingRequest(
                    fragment: fragment, codeName: Self.codes[random.next(Self.codes.count)], coder: random.next(3) == 0 ? "b" : "a")
                _ = try? store.addCoding(request)
            }
        }
        let themes = ["digital-government", "china-image", "inequality"]
        for (index, code) in Self.codes.enumerated() where try store.codes().contains(where: { $0.name == code }) {
            try store.mapCode(code, toTheme: themes[index % 3], actor: "t")
            if index % 2 == 0 { try store.mapCode(code, toTheme: themes[(index + 1) % 3], actor: "t") }
        }
        let names = Set(try store.codes().map(\.name))
        if names.contains("g"), names.contains("a") { _ = try store.mergeCodes(["g"], into: "a", actor: "t") }
        if names.contains("f") { _ = try store.retireCode("f", actor: "t") }
        return store
    }

    /// Covered words per utterance, straight from the definition: a word counts when one of its
    /// scalars lies inside one of the fragments.
    private func referenceCoverage(_ fragments: Set<Fragment>, _ corpus: CodedCorpus) -> [CodedCorpus.UtteranceKey: Int] {
        var covered: [CodedCorpus.UtteranceKey: Set<Int>] = [:]
        for fragment in fragments {
            for index in fragment.startUtterance...fragment.endUtterance {
                let key = CodedCorpus.UtteranceKey(document: fragment.documentID, index: index)
                guard let info = corpus.utterances[key], let range = fragment.coveredRange(inUtterance: index, length: info.length)
                else { continue }
                let spans = Tokenizer.spans(in: info.text ?? "")
                for (position, span) in spans.enumerated() where span.start < range.upperBound && span.end > range.lowerBound {
                    covered[key, default: []].insert(position)
                }
            }
        }
        return covered.mapValues(\.count)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func figuresMatchTheNaiveReference(seed: UInt64) throws {
        let folder = TemporaryDirectory()
        let store = try randomProject(folder, seed: seed)
        for includeModerators in [false, true] {
            let report = try store.themeReport(ReportOptions(includeModerators: includeModerators))
            // With texts, so the reference can tokenise every utterance it needs.
            let corpus = try store.codedCorpus(includeModerators: includeModerators, withTexts: true)
            var codesOnFragment: [Fragment: Set<Int64>] = [:]
            for span in corpus.codings where span.round == 1 && corpus.codes[span.codeID]?.status == .active {
                codesOnFragment[span.fragment, default: []].insert(span.codeID)
            }
            func counted(_ fragment: Fragment) -> [(key: CodedCorpus.UtteranceKey, info: CodedCorpus.UtteranceInfo)] {
                (fragment.startUtterance...fragment.endUtterance).compactMap { index in
                    let key = CodedCorpus.UtteranceKey(document: fragment.documentID, index: index)
                    guard let info = corpus.utterances[key], info.group != nil, includeModerators || !info.isModerator,
                        fragment.coveredRange(inUtterance: index, length: info.length) != nil
                    else { return nil }
                    return (key, info)
                }
            }
            func wordsPerGroup(_ fragments: Set<Fragment>) -> [String: Int] {
                var result: [String: Int] = [:]
                for (key, words) in referenceCoverage(fragments, corpus) {
                    guard let info = corpus.utterances[key], let group = info.group, includeModerators || !info.isModerator else {
                        continue
                    }
                    result[group, default: 0] += words
                }
                return result
            }
            let allWords = wordsPerGroup(Set(codesOnFragment.keys))
            for group in report.groups { #expect(group.codedWords == allWords[group.name] ?? 0, "seed \(seed): \(group.name)") }
            for theme in report.themes {
                let themed = codesOnFragment.filter { $0.value.contains { corpus.codeThemes[$0]?.contains(theme.id) == true } }
                let words = wordsPerGroup(Set(themed.keys))
                for (group, cell) in theme.groups {
                    let inGroup = themed.filter { fragment, _ in counted(fragment).contains { $0.info.group == group } }
                    let speakers = Set(
                        inGroup.keys.flatMap {
                            counted($0).filter { $0.info.group == group && !$0.info.isModerator }.compactMap(\.info.speaker)
                        })
                    var codes: [String: Int] = [:]
                    var coThemes: [String: Int] = [:]
                    for (_, onFragment) in inGroup {
                        for code in onFragment where corpus.codeThemes[code]?.contains(theme.id) == true {
                            codes[corpus.codes[code]!.name, default: 0] += 1
                        }
                        for other in Set(onFragment.flatMap { corpus.codeThemes[$0] ?? [] }) where other != theme.id {
                            coThemes[other, default: 0] += 1
                        }
                    }
                    let context = "seed \(seed), moderators \(includeModerators), \(theme.id) × \(group)"
                    #expect(cell.fragments == inGroup.count, "\(context)")
                    #expect(cell.words == words[group] ?? 0, "\(context)")
                    #expect(cell.participants == speakers.count, "\(context)")
                    #expect(cell.documents == Set(inGroup.keys.map(\.documentID)).count, "\(context)")
                    #expect(Dictionary(uniqueKeysWithValues: cell.codes.map { ($0.code, $0.fragments) }) == codes, "\(context)")
                    #expect(Dictionary(uniqueKeysWithValues: cell.coThemes.map { ($0.theme, $0.fragments) }) == coThemes, "\(context)")
                }
            }
        }
    }

    @Test(arguments: [6, 7, 8] as [UInt64])
    func coveredWordsMatchTheDefinition(seed: UInt64) throws {
        let folder = TemporaryDirectory()
        let store = try randomProject(folder, seed: seed)
        let corpus = try store.codedCorpus(includeModerators: true, withTexts: true)
        let fragments = Set(corpus.codings.map(\.fragment))
        #expect(!fragments.isEmpty)
        // Utterances touched without a covered word may be listed with 0; the reference leaves them out.
        #expect(Coverage.coveredWords(by: fragments, in: corpus).filter { $0.value > 0 } == referenceCoverage(fragments, corpus))
    }
}
