import CDAKit
import CDATestSupport
import Foundation
import Testing

@Suite struct BundledCorpusTests {
    private let folder = SharedData.repositoryRoot + "/Corpora/scenario-workshops"

    @Test func captionsRepeatTheMorningSessionExactly() throws {
        let text = try PlainTextReader().read(SourceFile(contentsOf: folder + "/citizens/citizens-2-morning.txt"), options: ReadOptions())
        let captions = try CaptionReader(format: .vtt).read(
            SourceFile(contentsOf: folder + "/captions/citizens-2-morning-captions.vtt"), options: ReadOptions())
        #expect(captions.utterances.count == 25)
        let prefix = Array(text.utterances.prefix(25))
        #expect(captions.utterances.map(\.text) == prefix.map(\.text))
        #expect(captions.utterances.map(\.speakerID) == prefix.map(\.speakerID))
        #expect(captions.utterances.map(\.start) == prefix.map(\.start))
    }

    @Test func workshopsHaveTheStudysShape() throws {
        let temporary = TemporaryDirectory()
        let store = try ProjectStore.create(at: temporary.file("p.cda"))
        let outcomes = try Ingester(store: store, options: .init()).ingest(paths: [folder + "/citizens", folder + "/experts"])
        #expect(outcomes.allSatisfy { !$0.failed })
        let speakers = try store.speakers()
        #expect(speakers.filter { $0.role == .participant && $0.group == "citizens" }.count == 13)
        #expect(speakers.filter { $0.role == .participant && $0.group == "experts" }.count == 14)
        #expect(speakers.filter { $0.role == .moderator }.map(\.id) == ["Gespreksleider"])
        #expect(try store.documents().reduce(0) { $0 + $1.words } >= 12_000)
    }

    /// The method end to end on the fixture corpus: round 1, themes, round 2, merge, undo, report.
    @Test func twoRoundWorkflowEndsInAReportReadyProject() throws {
        let temporary = TemporaryDirectory()
        let store = try CodingFixtures.project(in: temporary)
        for (utterance, code) in [(2, "snel contact"), (3, "china schrikbeeld"), (4, "wij nederlanders")] {
            _ = try store.addCoding(
                CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: utterance), codeName: code, coder: "a"))
        }
        _ = try store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "exp", startUtterance: 3), codeName: "mattheüseffect", coder: "a"))
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook), actor: "a")
        try store.startRound(2, themes: ["china-image", "inequality"])
        _ = try store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 3, endUtterance: 4), codeName: "wij-zij china", coder: "a"))
        _ = try store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 3), codeName: "kredietsysteem als nachtmerrie", coder: "a"))
        _ = try store.addCoding(
            CodingRequest(fragment: Fragment(documentID: "exp", startUtterance: 3), codeName: "mattheüseffect", coder: "a"))
        let beforeMerge = try store.codes()
        _ = try store.mergeCodes(["wij-zij china", "kredietsysteem als nachtmerrie"], into: "china als dystopie", actor: "a")
        _ = try store.undo()
        #expect(try store.codes() == beforeMerge)
        _ = try store.mergeCodes(["wij-zij china", "kredietsysteem als nachtmerrie"], into: "china als dystopie", actor: "a")
        try store.mapCode("china als dystopie", toTheme: "china-image", actor: "a")
        try store.mapCode("mattheüseffect", toTheme: "inequality", actor: "a")
        let status = try store.roundStatus()
        #expect(status.rounds.map(\.codings) == [4, 3])
        // Every round-2 fragment overlaps a round-1 fragment.
        #expect(status.recodedFragments == 3)
        #expect(status.newFragments == 0)
        let report = try store.themeReport(ReportOptions())
        #expect(report.round == 2)
        #expect(report.themes.first { $0.id == "china-image" }?.groups["citizens"]?.words == 13)
        #expect(report.themes.first { $0.id == "inequality" }?.groups["experts"]?.words == 4)
        #expect(report.silences.contains(.init(kind: .themeNotRaised, theme: "digital-government")))
    }
}
