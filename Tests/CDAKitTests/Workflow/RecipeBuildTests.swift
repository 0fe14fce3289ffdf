import CDAKit
import CDATestSupport
import Foundation
import Testing

@Suite struct RecipeBuildTests {
    private let recipePath = SharedData.repositoryRoot + "/Corpora/scenario-workshops/cda.yaml"

    @Test func bundledStudyBuildsWithExpectedFigures() throws {
        let folder = TemporaryDirectory()
        let result = try RecipeBuilder.build(try Recipe.load(path: recipePath), output: folder.file("report"), projectPath: nil)
        #expect(
            result.files.map { ($0 as NSString).lastPathComponent } == [
                "report.md", "report.html", "themes.csv", "codes.csv", "dynamics-speakers.csv", "dynamics-groups.csv",
                "dynamics-transitions.csv", "dynamics-initiations.csv", "report.json",
            ])
        let report = result.report
        #expect(report.round == 2)
        #expect(report.project == "scenario-workshops")
        #expect(report.groups.map(\.name) == ["citizens", "experts"])
        #expect(report.groups.map(\.participants) == [13, 14])
        #expect(report.groups.allSatisfy { $0.documents == 2 && $0.words > 5_000 })
        #expect(report.themes.map(\.id) == ["speculation", "digital-government", "inequality", "china-image"])
        let china = try #require(report.themes.first { $0.id == "china-image" })
        let citizens = try #require(china.groups["citizens"])
        let experts = try #require(china.groups["experts"])
        #expect(citizens.shareOfWords > 3 * experts.shareOfWords)
        #expect(china.comparison?.raisedMoreBy == "citizens")
        let government = try #require(report.themes.first { $0.id == "digital-government" })
        #expect(government.comparison?.raisedMoreBy == "experts")
        // Two laughs coded on the recording: 61.5–64 s and 151–153 s, 4.5 s of the citizens' speculation.
        #expect(report.groups.map(\.codedSeconds) == [4.5, 0])
        #expect(report.themes.first { $0.id == "speculation" }?.groups["citizens"]?.seconds == 4.5)
        #expect(
            report.themes.first { $0.id == "speculation" }?.groups["citizens"]?.codes.contains(.init(code: "gelach", fragments: 2)) == true)
        #expect(report.themes.allSatisfy { theme in report.groups.allSatisfy { theme.groups[$0.name]?.summary != nil } })
        #expect(result.project == nil)
        // The recipe asks for the dynamics: every declared participant spoke in both workshops.
        let dynamics = try #require(report.dynamics)
        #expect(dynamics.groups.map(\.group) == ["citizens", "experts"])
        #expect(dynamics.groups.map(\.participants) == [13, 14])
        #expect(dynamics.groups.map(\.silentParticipants) == [0, 0])
        #expect(dynamics.groups.map(\.words) == report.groups.map(\.words))
        #expect(dynamics.groups.allSatisfy { ($0.gini ?? 0) > 0 && ($0.gini ?? 1) < 1 })
        #expect(dynamics.initiations.count == 16)
        // The README's excerpts of report.md are what the build writes, so they cannot drift.
        let written = try String(contentsOfFile: folder.file("report/report.md"), encoding: .utf8)
        let overview = try readmeExcerpt(after: "An excerpt of `report.md`")
        #expect(overview.contains("| G² |"))
        #expect(written.contains(overview), "README's excerpt of report.md differs from the build")
        let participation = try readmeExcerpt(after: "An excerpt of the dynamics section of `report.md`")
        #expect(participation.contains("| Gini |"))
        #expect(written.contains(participation), "README's excerpt of the dynamics section differs from the build")
    }

    /// The first fenced block after `marker` in README.md.
    private func readmeExcerpt(after marker: String) throws -> String {
        let readme = try String(contentsOfFile: SharedData.repositoryRoot + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: marker))
        let fence = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "\n```", range: fence.upperBound..<readme.endIndex))
        return String(readme[fence.upperBound..<close.lowerBound])
    }

    @Test func buildingTwiceGivesIdenticalJSONAndCSV() throws {
        let folder = TemporaryDirectory()
        let recipe = try Recipe.load(path: recipePath)
        _ = try RecipeBuilder.build(recipe, output: folder.file("a"), projectPath: nil)
        _ = try RecipeBuilder.build(recipe, output: folder.file("b"), projectPath: folder.file("kept.cda"))
        for name in ["report.json", "themes.csv", "codes.csv", "report.md"] {
            let a = try String(contentsOfFile: folder.file("a/\(name)"), encoding: .utf8)
            let b = try String(contentsOfFile: folder.file("b/\(name)"), encoding: .utf8)
            #expect(a == b, "\(name) differs between builds")
        }
        #expect(FileManager.default.fileExists(atPath: folder.file("kept.cda")))
        #expect(throws: StoreError.projectExists(path: folder.file("kept.cda"))) {
            try RecipeBuilder.build(recipe, output: folder.file("c"), projectPath: folder.file("kept.cda"))
        }
    }

    @Test func brokenStepNamesTheRecipeLineAndWritesNoReport() throws {
        let folder = TemporaryDirectory()
        folder.write("cit.txt", CodingFixtures.citizens)
        folder.write("sheet.tsv", "document\tutterance\tstart\tend\tcode\n cit\t2\t\t\tsnel\ncit\t99\t\t\tx\n")
        let recipeFile = folder.write(
            "cda.yaml",
            """
            name: broken
            steps:
              - ingest: cit.txt
                group: citizens
              - sheet: sheet.tsv
            """)
        let error = #expect(throws: RecipeError.self) {
            try RecipeBuilder.build(try Recipe.load(path: recipeFile), output: folder.file("report"), projectPath: nil)
        }
        #expect(error?.line == 5)
        #expect(error?.description.hasPrefix("\(recipeFile):5: sheet 'sheet.tsv' failed: ") == true)
        #expect(error?.description.contains("sheet.tsv:3: Document 'cit' has utterances 1–5; 99 is outside.") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.file("report")))
        // With a project path, a failing build leaves no project and no hidden working file.
        #expect(throws: RecipeError.self) {
            try RecipeBuilder.build(try Recipe.load(path: recipeFile), output: folder.file("report"), projectPath: folder.file("kept.cda"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["cda.yaml", "cit.txt", "sheet.tsv"])
    }

    @Test func aKeptProjectAppearsWholeAndAKilledBuildIsCleanedUp() throws {
        let folder = TemporaryDirectory()
        // What a build killed earlier left: its hidden working file, under a process id that is gone.
        let abandoned = folder.write(".kept.cda.building-2147483646.cda", "half a project")
        folder.write(".kept.cda.building-2147483646.cda-wal", "its log")
        let result = try RecipeBuilder.build(
            try Recipe.load(path: recipePath), output: folder.file("report"), projectPath: folder.file("kept.cda"))
        #expect(result.project == folder.file("kept.cda"))
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["kept.cda", "report"])
        let store = try ProjectStore.open(at: folder.file("kept.cda"))
        #expect(try store.documents().count == 4)
        #expect(try store.check() == [])
        // The recipe links the synthetic recording of the citizens' afternoon opening.
        let recording = try #require(try store.mediaLinks().first)
        #expect(recording.documentID == "citizens-1-afternoon")
        #expect(recording.format == .ogg && recording.kind == .audio && recording.found)
        #expect(abs(recording.duration - 181) < 0.1)
    }

    @Test func aMediaStepNeedsItsDocumentAndANumericOffset() throws {
        let folder = TemporaryDirectory()
        let missing = folder.write("a.yaml", "name: x\nsteps:\n  - media: a.ogg\n")
        #expect(throws: CodebookError.invalidEntry(file: missing, line: 3, message: "'media' needs the 'document' it belongs to")) {
            try Recipe.load(path: missing)
        }
        let badOffset = folder.write("b.yaml", "name: x\nsteps:\n  - media: a.ogg\n    document: d\n    offset: soon\n")
        #expect(throws: CodebookError.invalidEntry(file: badOffset, line: 3, message: "'offset' must be a number of seconds")) {
            try Recipe.load(path: badOffset)
        }
        let good = folder.write("c.yaml", "name: x\nsteps:\n  - media: rec/a.ogg\n    document: d\n    offset: 12.5\n")
        #expect(try Recipe.load(path: good).steps.map(\.step) == [.media("rec/a.ogg", document: "d", offset: 12.5)])
    }

    @Test func unknownStepIsRejectedWithItsLine() throws {
        let folder = TemporaryDirectory()
        let recipeFile = folder.write("cda.yaml", "name: x\nsteps:\n  - ingest: a\n  - cook: dinner\n")
        #expect(
            throws: CodebookError.invalidEntry(
                file: recipeFile, line: 4,
                message: "unknown step; use one of: ingest, themes, sheet, consolidate, round, mappings, memos, media")
        ) {
            try Recipe.load(path: recipeFile)
        }
    }
}
