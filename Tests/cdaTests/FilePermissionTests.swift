import CDATestSupport
import Foundation
import Testing

/// Every file `cda` writes that can hold what participants said is readable by its owner only.
@Suite(.serialized) struct FilePermissionTests {
    @Test func exportsSheetsAndReportsAreOwnerOnly() throws {
        let folder = TemporaryDirectory()
        folder.write("cit.txt", CodingFixtures.citizens)
        folder.write("themes.yaml", CodingFixtures.codebook)
        let env = ["CDA_PROJECT": folder.file("study.cda"), "CDA_CODER": "tester"]
        func cda(_ arguments: String...) throws -> CLI.Result { try CLI.run(arguments, in: folder.path, environment: env) }
        let previous = umask(0o022)
        defer { umask(previous) }
        #expect(try cda("init").status == 0)
        #expect(try cda("ingest", "cit.txt").status == 0)
        #expect(try cda("code", "add", "--doc", "cit", "--utterance", "2", "--code", "vertrouwen").status == 0)
        #expect(try cda("export", "qdpx", "study.qdpx").status == 0)
        #expect(try cda("sheet", "export", "--out", "sheet.tsv").status == 0)
        #expect(try cda("themes", "load", "themes.yaml").status == 0)
        #expect(try cda("report", "--out", "out", "--format", "md,html,csv,json", "--quotes").status == 0)
        let written =
            ["study.cda", "study.qdpx", "sheet.tsv"]
            + (try FileManager.default.contentsOfDirectory(atPath: folder.file("out"))).map { "out/\($0)" }
        #expect(written.count >= 6)
        for name in written {
            let mode = try FileManager.default.attributesOfItem(atPath: folder.file(name))[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name) has mode \(String(mode ?? 0, radix: 8))")
        }
    }
}
