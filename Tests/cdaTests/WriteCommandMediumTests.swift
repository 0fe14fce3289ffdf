import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// Every command that writes to a project, run against the project on a full disk and on a
/// read-only disk (a small tmpfs, met for real): it says the real cause, exits 1 without a
/// crash, and leaves the project whole (on a full disk, as before or as after).
@Suite(.serialized, .enabled(if: ScratchMount.isAvailable, Comment(rawValue: ScratchMount.unavailableReason)))
struct WriteCommandMediumTests {
    @Test func everyWriteCommandOnAReadOnlyDiskSaysSoAndChangesNothing() throws {
        let study = try WriteCommandStudy()
        let disk = try #require(ScratchMount(kilobytes: 2048))
        try FileManager.default.copyItem(atPath: study.base, toPath: disk.file("p.cda"))
        #expect(disk.makeReadOnly())
        let env = ["CDA_PROJECT": disk.file("p.cda"), "CDA_CODER": "a"]
        let before = try WriteCommandStudy.state(of: disk.file("p.cda"))
        for command in WriteCommandStudy.commands {
            let result = try CLI.run(
                WriteCommandStudy.arguments(command, projectFolder: disk.path), in: study.folder.path, environment: env)
            #expect(result.status == 1, "\(command): exit \(result.status) \(result.error)")
            #expect(
                ["read-only", "cannot be written", "not writable"].contains { result.error.contains($0) },
                "\(command): \(result.error)")
        }
        #expect(try WriteCommandStudy.state(of: disk.file("p.cda")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == ["p.cda"])
    }

    @Test func everyWriteCommandOnAFullDiskSaysSoAndLeavesAWholeProject() throws {
        let study = try WriteCommandStudy()
        let disk = try #require(ScratchMount(kilobytes: 2048))
        let env = ["CDA_PROJECT": disk.file("p.cda"), "CDA_CODER": "a"]
        for command in WriteCommandStudy.commands {
            let arguments = WriteCommandStudy.arguments(command, projectFolder: disk.path)
            try study.restore(into: disk.path)
            let before = try WriteCommandStudy.state(of: disk.file("p.cda"))
            #expect(try CLI.run(arguments, in: study.folder.path, environment: env).status == 0, "\(command)")
            let after = try WriteCommandStudy.state(of: disk.file("p.cda"))

            try study.restore(into: disk.path)
            Self.fill(disk.file("filler"))
            let result = try CLI.run(arguments, in: study.folder.path, environment: env)
            try FileManager.default.removeItem(atPath: disk.file("filler"))
            #expect(result.status == 1, "\(command): exit \(result.status) \(result.error)")
            #expect(result.error.contains("the disk is full"), "\(command): \(result.error)")
            #expect(try CLI.run(["check"], in: study.folder.path, environment: env).status == 0, "\(command)")
            let state = try WriteCommandStudy.state(of: disk.file("p.cda"))
            #expect(state == before || state == after, "\(command): the project is neither as before nor as after")
            let left = try FileManager.default.contentsOfDirectory(atPath: disk.path).filter {
                !["p.cda", "p.cda-wal", "p.cda-shm"].contains($0)
            }
            #expect(left.isEmpty, "\(command): left \(left)")
        }
    }

    /// Writes to `path` until the disk has no room left.
    private static func fill(_ path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(descriptor) }
        let block = [UInt8](repeating: 0, count: 4096)
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }
}
