import CDATestSupport
import Foundation
import Testing

/// The command line's text and JSON on a small project, compared byte for byte with files under
/// `Tests/cdaTests/Golden/`. A change in wording, layout or a figure shows up as a diff to review;
/// `CDA_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests` rewrites the files after a
/// deliberate change.
///
/// The figures in the golden report were checked by hand when the files were made: citizens speak
/// 29 participant words (9 + 8 + 5 + 7), 10 of them coded (utterance 3's 8 words and "De overheid"),
/// 34.5%; China's 8 of 29 words against none of the experts' 17 give G² = 2 Σ O ln(O/E) = 8.35 on
/// the 2 × 2 table (8, 21; 0, 17).
@Suite(.serialized) struct GoldenOutputTests {
    static let commands: [(name: String, arguments: [String])] = [
        ("documents.txt", ["documents"]),
        ("documents.json", ["documents", "--json"]),
        ("speakers.txt", ["speakers"]),
        ("codes.txt", ["codes"]),
        ("codes.json", ["codes", "--json"]),
        ("fragments.txt", ["fragments"]),
        ("round.json", ["round", "status", "--json"]),
        ("keyness.txt", ["keyness", "--groups", "citizens,experts", "--min-freq", "1"]),
        ("dynamics.json", ["dynamics", "--json"]),
        ("report.txt", ["report", "--format", "md,json", "--out", "out", "--dynamics"]),
    ]

    /// Files a command writes, compared too.
    static let files = ["out/report.md", "out/report.json"]

    @Test func outputsMatchTheGoldenFiles() throws {
        let folder = TemporaryDirectory()
        folder.write("cit.txt", CodingFixtures.citizens)
        folder.write("exp.txt", CodingFixtures.experts)
        folder.write("themes.yaml", CodingFixtures.codebook)
        let env = ["CDA_PROJECT": folder.file("study.cda"), "CDA_CODER": "tester"]
        func cda(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments, in: folder.path, environment: env) }
        for step in [
            ["init"], ["ingest", "cit.txt", "exp.txt"], ["themes", "load", "themes.yaml"],
            ["code", "add", "--doc", "cit", "--utterance", "3", "--code", "china als schrikbeeld"],
            ["code", "add", "--doc", "cit", "--utterance", "2", "--start", "0", "--end", "12", "--code", "snelle overheid"],
            ["code", "add", "--doc", "exp", "--utterance", "3", "--code", "mattheüseffect", "--in-vivo"],
            ["themes", "map", "china als schrikbeeld", "china-image"],
            ["themes", "map", "mattheüseffect", "inequality"],
        ] {
            let result = try cda(step)
            try #require(result.status == 0, "\(step.joined(separator: " ")): \(result.error)")
        }
        let golden = SharedData.repositoryRoot + "/Tests/cdaTests/Golden/"
        let update = ProcessInfo.processInfo.environment["CDA_UPDATE_GOLDEN"] == "1"
        var outputs: [(name: String, text: String)] = []
        for (name, arguments) in Self.commands {
            let result = try cda(arguments)
            #expect(result.status == 0, "\(name): \(result.error)")
            outputs.append((name, result.output))
        }
        for file in Self.files {
            outputs.append((file.replacingOccurrences(of: "/", with: "-"), try String(contentsOfFile: folder.file(file), encoding: .utf8)))
        }
        for (name, text) in outputs {
            let output = text.replacingOccurrences(of: folder.path, with: "FOLDER")
            if update {
                try output.write(toFile: golden + name, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOfFile: golden + name, encoding: .utf8)
            #expect(output == expected, "\(name) differs from Tests/cdaTests/Golden/\(name)")
        }
    }
}
