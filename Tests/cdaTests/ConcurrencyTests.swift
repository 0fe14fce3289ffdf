import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// Several `cda` processes writing to one project at once, and a reader reporting in a loop.
@Suite(.serialized) struct ConcurrencyTests {
    @Test func fourWritersAndAReaderLoseNothing() throws {
        let folder = TemporaryDirectory()
        var lines = ["# speakers: A1"]
        for index in 1...250 { lines.append("A1: uitspraak \(index)") }
        folder.write("t.txt", lines.joined(separator: "\n") + "\n")
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        _ = try Ingester(store: store, options: .init(group: "g")).ingest(paths: [folder.file("t.txt")])
        let binary = try #require(CLI.binary)
        var writers: [Process] = []
        var outputs: [Pipe] = []  // kept until the writers end
        for worker in 1...4 {
            let script =
                "for i in $(seq 1 250); do \"\(binary)\" code add --doc t --utterance $i --code w\(worker) --coder w\(worker) >/dev/null || echo FAIL $i; done"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
            process.environment = ["CDA_PROJECT": folder.file("p.cda"), "PATH": "/usr/bin:/bin"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            writers.append(process)
            outputs.append(output)
        }
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "while [ ! -e stop ]; do \"\(binary)\" report --format json --out r >/dev/null || echo READFAIL; done"]
        reader.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        reader.environment = ["CDA_PROJECT": folder.file("p.cda"), "PATH": "/usr/bin:/bin"]
        let readerOutput = Pipe()
        reader.standardOutput = readerOutput
        try reader.run()
        var failures = ""
        for writer in writers {
            let pipe = writer.standardOutput as! Pipe
            failures += String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
        }
        #expect(FileManager.default.createFile(atPath: folder.file("stop"), contents: nil))
        let readerFailures = String(decoding: readerOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(failures.isEmpty, "writers failed: \(failures.prefix(200))")
        #expect(readerFailures.isEmpty, "the reader failed: \(readerFailures.prefix(200))")
        let codes = try ProjectStore.open(at: folder.file("p.cda")).codes()
        #expect(codes.map(\.name) == ["w1", "w2", "w3", "w4"])
        #expect(codes.map(\.codings) == [250, 250, 250, 250])
        #expect(try ProjectStore.open(at: folder.file("p.cda")).check() == [])
    }
}
