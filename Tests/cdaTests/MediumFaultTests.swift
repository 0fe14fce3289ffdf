import CDAKit
import CDATestSupport
import Foundation
import Testing

/// A full disk and a read-only medium, met for real on a small tmpfs: each command says the real
/// cause, leaves the project as it was, and reading keeps working.
@Suite(.serialized, .enabled(if: ScratchMount.isAvailable, Comment(rawValue: ScratchMount.unavailableReason)))
struct MediumFaultTests {
    /// A transcript of about 1.6 MB: more than the small disk (room for a new project, about 220 KB
    /// and its write-ahead log while migrating) holds once stored.
    private static func largeTranscript() -> String {
        var generator = SeededGenerator(seed: 20_261_130)
        let words = ["overheid", "burger", "digitaal", "vertrouwen", "toekomst", "ongelijkheid", "loket", "menselijk"]
        return (0..<6000).map { line in
            "P\(line % 13 + 1): " + (0..<30).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
        }.joined(separator: "\n") + "\n"
    }

    @Test func aFullDiskIsNamedAndTheProjectIsUnchanged() throws {
        let disk = try #require(ScratchMount(kilobytes: 768))
        let folder = TemporaryDirectory()
        let big = folder.write("groot.txt", Self.largeTranscript())
        let env = ["CDA_PROJECT": disk.file("p.cda")]
        #expect(try CLI.run(["init"], in: folder.path, environment: env).status == 0)
        let ingest = try CLI.run(["ingest", big], in: folder.path, environment: env)
        #expect(ingest.status == 1)
        #expect(ingest.error.contains("\(disk.file("p.cda")): the disk is full; nothing was changed."))
        let check = try CLI.run(["check"], in: folder.path, environment: env)
        #expect(check.status == 0)
        let documents = try CLI.run(["documents", "--json"], in: folder.path, environment: env)
        #expect((try JSONSerialization.jsonObject(with: Data(documents.output.utf8)) as? [Any])?.isEmpty == true)
    }

    @Test func aReadOnlyMediumStillReadsAndRefusesWritesPlainly() throws {
        let disk = try #require(ScratchMount(kilobytes: 4096))
        let folder = TemporaryDirectory()
        let transcript = folder.write("a.txt", "P1: een twee\nP2: drie\n")
        let env = ["CDA_PROJECT": disk.file("p.cda")]
        #expect(try CLI.run(["init"], in: folder.path, environment: env).status == 0)
        #expect(try CLI.run(["ingest", transcript], in: folder.path, environment: env).status == 0)
        #expect(disk.makeReadOnly())
        let documents = try CLI.run(["documents"], in: folder.path, environment: env)
        #expect(documents.status == 0)
        #expect(documents.output.contains("a   a      text"))
        let write = try CLI.run(["code", "add", "--doc", "a", "--utterance", "1", "--code", "x"], in: folder.path, environment: env)
        #expect(write.status == 1)
        #expect(write.error.contains("the project cannot be written (a read-only disk, folder or file); nothing was changed."))
        let backup = try CLI.run(["backup", folder.file("kopie.cda")], in: folder.path, environment: env)
        #expect(backup.status == 0)
        let copied = try CLI.run(["documents", "--project", folder.file("kopie.cda")], in: folder.path)
        #expect(copied.output.contains("a   a      text"))
    }

    @Test func anExportOntoAFullDiskSaysTheDiskIsFull() throws {
        let folder = TemporaryDirectory()
        let disk = try #require(ScratchMount(kilobytes: 64))
        let env = ["CDA_PROJECT": folder.file("p.cda")]
        #expect(try CLI.run(["init"], in: folder.path, environment: env).status == 0)
        #expect(try CLI.run(["ingest", folder.write("groot.txt", Self.largeTranscript())], in: folder.path, environment: env).status == 0)
        let export = try CLI.run(["export", "qdpx", disk.file("studie.qdpx")], in: folder.path, environment: env)
        #expect(export.status == 1)
        #expect(export.error.contains("the disk is full"), "\(export.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).isEmpty)
    }

    @Test func aBackupOntoAFullDiskLeavesNoFileBehind() throws {
        let folder = TemporaryDirectory()
        let disk = try #require(ScratchMount(kilobytes: 64))
        let env = ["CDA_PROJECT": folder.file("p.cda")]
        #expect(try CLI.run(["init"], in: folder.path, environment: env).status == 0)
        #expect(try CLI.run(["ingest", folder.write("groot.txt", Self.largeTranscript())], in: folder.path, environment: env).status == 0)
        let backup = try CLI.run(["backup", disk.file("kopie.cda")], in: folder.path, environment: env)
        #expect(backup.status == 1)
        #expect(backup.error.contains("the disk is full"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).isEmpty)
    }
}

/// Writing a report onto a full disk leaves the previous set of files as it was.
@Suite(.serialized, .enabled(if: ScratchMount.isAvailable, Comment(rawValue: ScratchMount.unavailableReason)))
struct ReportSetFaultTests {
    @Test func aReportThatDoesNotFitLeavesTheOldSetWhole() throws {
        let disk = try #require(ScratchMount(kilobytes: 48))
        let old = ["report.md": "oud verslag\n", "report.html": "<p>oud</p>\n"]
        for (name, text) in old { try AtomicFile.writeAll([(disk.file(name), text)]) }
        let large = String(repeating: "nieuw verslag, veel te groot voor deze schijf. ", count: 1200)
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.writeAll([(disk.file("report.md"), "nieuw\n"), (disk.file("report.html"), large)])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted() == ["report.html", "report.md"])
        for (name, text) in old { #expect(try String(contentsOfFile: disk.file(name), encoding: .utf8) == text) }
    }
}
