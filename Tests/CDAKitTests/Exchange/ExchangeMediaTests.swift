import CDATestSupport
import Foundation
import Testing
import ZIPFoundation

@testable import CDAKit

/// A document with a recording goes to REFI-QDA as an audio source holding its transcript, with
/// the recording in the archive, and comes back with its codings, times and recording.
@Suite struct ExchangeMediaTests {
    /// Three timed utterances; an emoji in the first makes code points and UTF-16 units differ.
    /// As plain text: "C1: Één 🙂 ding.\n" (text at 4, 11 code points), "C2: Naïef, zei ze.\n"
    /// (text at 20, 14), "C1: Tot ziens.\n" (text at 39, 10).
    static let timed = """
        # id: tijd
        # group: citizens
        # speakers: C1, C2

        [00:00:05] C1: Één 🙂 ding.
        [00:00:09] C2: Naïef, zei ze.
        [00:00:20] C1: Tot ziens.
        """

    static let recording = MediaFixtures.wav(samples: (0..<24_000).map { UInt8($0 % 241) })

    /// A project with the timed document coded four ways and its 3 s recording linked, 2.5 s in.
    static func project(in folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try ProjectStore.create(at: folder.file("study.cda"))
        let transcript = try PlainTextReader().read(SourceFile(path: "tijd.txt", bytes: Array(timed.utf8)), options: ReadOptions())
        _ = try store.save(transcript, replace: false)
        func code(_ name: String, _ first: Int, _ start: Int?, _ end: Int?, to last: Int? = nil) throws {
            let fragment = Fragment(documentID: "tijd", startUtterance: first, startOffset: start, endUtterance: last, endOffset: end)
            _ = try store.addCoding(CodingRequest(fragment: fragment, codeName: name, coder: "anna"))
        }
        try code("ding", 1, 6, 10)  // "ding" after the emoji: positions 10..<14
        try code("naïef", 2, 0, 5)  // 20..<25
        try code("afscheid", 3, nil, nil)  // the whole of utterance 3: 39..<49
        try code("overgang", 1, 4, 5, to: 2)  // from the emoji into utterance 2: 8..<25
        try store.linkMedia(documentID: "tijd", file: folder.write("opnames/tijd.wav", bytes: recording), offset: 2.5)
        return store
    }

    /// The sync points of `xml` as (time stamp, position), in file order, and by GUID.
    static func syncPoints(_ xml: String) -> (list: [(Int?, Int)], byGUID: [String: Int]) {
        var list: [(Int?, Int)] = []
        var byGUID: [String: Int] = [:]
        for chunk in xml.components(separatedBy: "<SyncPoint ").dropFirst() {
            let element = String(chunk.prefix { $0 != ">" })
            let guid = attribute("guid", in: element) ?? ""
            let position = Int(attribute("position", in: element) ?? "") ?? -1
            list.append((attribute("timeStamp", in: element).flatMap { Int($0) }, position))
            byGUID[guid] = position
        }
        return (list, byGUID)
    }

    static func attribute(_ name: String, in element: String) -> String? {
        guard let start = element.range(of: " \(name)=\"") ?? element.range(of: "\(name)=\"") else { return nil }
        return String(element[start.upperBound...].prefix { $0 != "\"" })
    }

    static func entries(of archive: String) throws -> [String: Data] {
        let zip = try Archive(url: URL(fileURLWithPath: archive), accessMode: .read)
        var result: [String: Data] = [:]
        for entry in zip {
            var data = Data()
            _ = try zip.extract(entry) { data.append($0) }
            result[entry.path] = data
        }
        return result
    }

    @Test func exportsAnAudioSourceWithSyncPointsAndTheRecording() throws {
        let folder = TemporaryDirectory()
        let store = try Self.project(in: folder)
        let archive = folder.file("study.qdpx")
        let result = try REFIExchange.exportProject(store, to: archive, schemas: ExchangeFixtures.schemas)
        if let schemas = ExchangeFixtures.schemas { #expect(result.validatedWith == schemas.projectSchema) }
        #expect(!result.omitted.contains { $0.contains("utterance times") })
        let entries = try Self.entries(of: archive)
        let xml = String(decoding: try #require(entries["project.qde"]), as: UTF8.self)
        #expect(!xml.contains("<TextSource"))
        let source = try #require(xml.components(separatedBy: "<AudioSource ").dropFirst().first.map { String($0.prefix { $0 != ">" }) })
        let guid = try #require(Self.attribute("guid", in: source))
        #expect(Self.attribute("name", in: source) == "tijd")
        #expect(Self.attribute("path", in: source) == "internal://\(guid).wav")
        #expect(entries["sources/\(guid).wav"] == Data(Self.recording))
        #expect(
            String(decoding: try #require(entries["sources/\(guid).txt"]), as: UTF8.self)
                == "C1: Één 🙂 ding.\nC2: Naïef, zei ze.\nC1: Tot ziens.\n")

        // A sync point where each utterance's text starts, with its time in the recording
        // (start + 2.5 s offset, in milliseconds), and one at each selection's ends.
        let points = Self.syncPoints(xml)
        #expect(points.list.map(\.0) == [7500, nil, nil, nil, 11500, nil, 22500, nil])
        #expect(points.list.map(\.1) == [4, 8, 10, 14, 20, 25, 39, 49])
        var spans: [[Int]] = []
        for chunk in xml.components(separatedBy: "<TranscriptSelection ").dropFirst() {
            let element = String(chunk.prefix { $0 != ">" })
            spans.append([
                points.byGUID[Self.attribute("fromSyncPoint", in: element) ?? ""] ?? -1,
                points.byGUID[Self.attribute("toSyncPoint", in: element) ?? ""] ?? -1,
            ])
        }
        #expect(spans.sorted { $0.lexicographicallyPrecedes($1) } == [[8, 25], [10, 14], [20, 25], [39, 49]])
    }

    @Test func utf16PositionsPlaceTheSyncPointsInTheSameUnit() throws {
        let folder = TemporaryDirectory()
        let store = try Self.project(in: folder)
        _ = try REFIExchange.exportProject(store, to: folder.file("u.qdpx"), positions: .utf16, schemas: nil)
        let xml = String(decoding: try #require(try Self.entries(of: folder.file("u.qdpx"))["project.qde"]), as: UTF8.self)
        // The emoji is two UTF-16 units: everything after it moves one on.
        let points = Self.syncPoints(xml).list.filter { $0.0 != nil }.map { [$0.0!, $0.1] }
        #expect(points == [[7500, 4], [11500, 21], [22500, 40]])
    }

    @Test func importBringsBackCodingsTimesAndTheRecording() throws {
        let folder = TemporaryDirectory()
        let original = try Self.project(in: folder)
        let archive = folder.file("study.qdpx")
        _ = try REFIExchange.exportProject(original, to: archive, schemas: nil)
        let copy = try ProjectStore.create(at: folder.file("copy.cda"))
        let imported = try REFIExchange.importProject(archive, into: copy, options: .init(schemas: nil, actor: "carla"))
        #expect(imported.documentsAdded == ["tijd"])
        #expect(imported.codingsAdded == 4)
        #expect(imported.recordings == ["tijd: copy-media/tijd.wav"])
        #expect(imported.notMapped == [])
        #expect(try copy.sheetRows() == original.sheetRows())
        // The times come back from the sync points, with the offset folded in.
        #expect(try copy.utterances(of: "tijd").map(\.start) == [7.5, 11.5, 22.5])
        let link = try #require(try copy.mediaLink(of: "tijd"))
        #expect(link.path == "copy-media/tijd.wav")
        #expect(link.sha256 == (try original.mediaLink(of: "tijd"))?.sha256)
        #expect(link.found && link.duration == 3)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.file("copy-media/tijd.wav"))[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // A second import finds the document unchanged and extracts nothing.
        let again = try REFIExchange.importProject(archive, into: copy, options: .init(schemas: nil, actor: "carla"))
        #expect(again.documentsUnchanged == ["tijd"])
        #expect(again.recordings == [])
    }

    @Test func aRecordingThatMovedIsLeftOutAndSaid() throws {
        let folder = TemporaryDirectory()
        let store = try Self.project(in: folder)
        try FileManager.default.removeItem(atPath: folder.file("opnames/tijd.wav"))
        let result = try REFIExchange.exportProject(store, to: folder.file("m.qdpx"), schemas: nil)
        #expect(
            result.omitted.contains(
                "the recordings of tijd are not where the project says and are left out (find them with 'cda media relink FOLDER')"))
        let entries = try Self.entries(of: folder.file("m.qdpx"))
        #expect(String(decoding: try #require(entries["project.qde"]), as: UTF8.self).contains("<TextSource "))
        #expect(!entries.keys.contains { $0.hasSuffix(".wav") })
    }

    @Test func videoSourcesAreWrittenAndReadAsTranscripts() throws {
        var project = REFIProject(name: "v")
        let guid = "00000000-0000-4000-8000-000000000001"
        var source = REFIProject.TextSource(guid: guid, name: "sessie", plainTextPath: "internal://\(guid).txt")
        source.selections = [
            .init(guid: "00000000-0000-4000-8000-000000000002", start: 3, end: 9),
            .init(guid: "00000000-0000-4000-8000-000000000003", start: 0, end: 3),
        ]
        source.recording = .init(
            kind: .video, path: "internal://\(guid).mp4", transcriptGUID: "00000000-0000-4000-8000-000000000004",
            syncPoints: [
                .init(guid: "00000000-0000-4000-8000-000000000005", position: 0, timeStamp: 1000),
                .init(guid: "00000000-0000-4000-8000-000000000006", position: 3),
                .init(guid: "00000000-0000-4000-8000-000000000007", position: 9),
            ])
        project.sources = [source]
        let xml = project.projectXML()
        #expect(xml.contains("<VideoSource guid=\"\(guid)\" name=\"sessie\" path=\"internal://\(guid).mp4\">"))
        let read = try REFIProject.read(
            try XMLNode.parse(SourceFile(path: "v.qde", bytes: Array(xml.utf8))), file: "v.qde", expecting: "Project")
        let back = try #require(read.sources.first)
        #expect(back.recording?.kind == .video)
        #expect(back.recording?.syncPoints == source.recording?.syncPoints)
        #expect(back.selections.map { [$0.start, $0.end] } == [[3, 9], [0, 3]])
        #expect(back.plainTextPath == "internal://\(guid).txt")
    }

    @Test func aTranscriptSelectionWithoutItsSyncPointIsLeftOutAndSaid() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="x">
              <Sources>
                <AudioSource guid="00000000-0000-4000-8000-000000000001" name="a" path="internal://x.ogg">
                  <Transcript guid="00000000-0000-4000-8000-000000000002" plainTextPath="internal://x.txt">
                    <SyncPoint guid="00000000-0000-4000-8000-000000000003" position="0" timeStamp="0"/>
                    <TranscriptSelection guid="00000000-0000-4000-8000-000000000004"
                      fromSyncPoint="00000000-0000-4000-8000-000000000003" toSyncPoint="00000000-0000-4000-8000-000000000009"/>
                  </Transcript>
                  <AudioSelection guid="00000000-0000-4000-8000-000000000005" begin="0" end="1500"/>
                </AudioSource>
              </Sources>
            </Project>
            """
        let project = try REFIProject.read(
            try XMLNode.parse(SourceFile(path: "a.qde", bytes: Array(xml.utf8))), file: "a.qde", expecting: "Project")
        #expect(project.sources.first?.selections.isEmpty == true)
        #expect(
            project.dropped == [
                "a.qde:8: transcript selection 00000000-0000-4000-8000-000000000004 names no sync point of its transcript at its start or end; left out"
            ])
        #expect(project.skipped.isEmpty)
        #expect(project.sources.first?.recording?.timeSelections.map { [$0.start, $0.end] } == [[0, 1500]])
    }
}
