import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// Time-span codings go to REFI-QDA as `AudioSelection`s (begin and end in milliseconds) with
/// their codings, validate against the official schema, and come back on import.
@Suite struct ExchangeTimeSpanTests {
    /// The media test project (a 3 s recording linked to `tijd`) with two time-span codings.
    static func project(in folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try ExchangeMediaTests.project(in: folder)
        try store.addTimeSpanCoding(
            TimeSpanCodingRequest(
                span: TimeSpan(documentID: "tijd", startMilliseconds: 500, endMilliseconds: 1_750), codeName: "gelach", coder: "anna",
                memo: "hardop"))
        try store.addTimeSpanCoding(
            TimeSpanCodingRequest(
                span: TimeSpan(documentID: "tijd", startMilliseconds: 2_000, endMilliseconds: 3_000), codeName: "stilte", coder: "bert"))
        return store
    }

    @Test(.needsShared("standards/refi-qda/Project.xsd"))
    func exportWritesAudioSelectionsThatValidate() throws {
        let folder = TemporaryDirectory()
        let store = try Self.project(in: folder)
        let schemas = try #require(ExchangeFixtures.schemas)
        let archive = folder.file("study.qdpx")
        let result = try REFIExchange.exportProject(store, to: archive, schemas: schemas)
        #expect(result.validatedWith == schemas.projectSchema)
        let xml = String(decoding: try #require(try ExchangeMediaTests.entries(of: archive)["project.qde"]), as: UTF8.self)
        let selections = xml.components(separatedBy: "<AudioSelection ").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(selections.map { ExchangeMediaTests.attribute("begin", in: $0) } == ["500", "2000"])
        #expect(selections.map { ExchangeMediaTests.attribute("end", in: $0) } == ["1750", "3000"])
        #expect(selections.map { ExchangeMediaTests.attribute("name", in: $0) } == ["gelach", "stilte"])
        // After the transcript, before the source's own codings, as AudioSourceType orders them.
        let transcriptEnd = try #require(xml.range(of: "</Transcript>"))
        let firstSelection = try #require(xml.range(of: "<AudioSelection "))
        #expect(transcriptEnd.upperBound <= firstSelection.lowerBound)
    }

    @Test func importReadsTheSpansBack() throws {
        let folder = TemporaryDirectory()
        let original = try Self.project(in: folder)
        let archive = folder.file("study.qdpx")
        let exported = try REFIExchange.exportProject(original, to: archive, schemas: ExchangeFixtures.schemas)
        #expect(exported.counts.selections == 6)  // four text fragments and two time spans
        let copy = try ProjectStore.create(at: folder.file("copy.cda"))
        let imported = try REFIExchange.importProject(
            archive, into: copy, options: .init(schemas: ExchangeFixtures.schemas, actor: "carla"))
        #expect(imported.codingsAdded == 6)
        #expect(imported.notMapped == [])
        let spans = try copy.timeSpanCodings(of: "tijd")
        #expect(spans.map(\.span) == (try original.timeSpanCodings(of: "tijd")).map(\.span))
        #expect(spans.map(\.code) == ["gelach", "stilte"])
        #expect(spans.map(\.coder) == ["anna", "bert"])
        #expect(spans.map(\.memo) == ["hardop", nil])
        #expect(try copy.sheetRows() == original.sheetRows())
        // The same archive again adds nothing.
        let again = try REFIExchange.importProject(archive, into: copy, options: .init(schemas: nil, actor: "carla"))
        #expect(again.codingsAdded == 0 && again.codingsPresent == 6)
        // Exporting the copy keeps the selections' GUIDs.
        let second = folder.file("copy.qdpx")
        _ = try REFIExchange.exportProject(copy, to: second, schemas: nil)
        func guids(_ path: String) throws -> [String] {
            let xml = String(decoding: try #require(try ExchangeMediaTests.entries(of: path)["project.qde"]), as: UTF8.self)
            return xml.components(separatedBy: "<AudioSelection ").dropFirst().compactMap {
                ExchangeMediaTests.attribute("guid", in: String($0.prefix { $0 != ">" }))
            }
        }
        #expect(try guids(second) == guids(archive))
    }

    @Test func aBackwardsTimeSelectionIsLeftOutAndSaid() throws {
        let guid = "00000000-0000-4000-8000-000000000001"
        var project = REFIProject(name: "x")
        project.codes = [.init(guid: "00000000-0000-4000-8000-0000000000c1", name: "gelach")]
        var source = REFIProject.TextSource(guid: guid, name: "a", plainTextContent: "C1: Ja.\n")
        var backwards = REFIProject.Selection(guid: "00000000-0000-4000-8000-000000000002", start: 900, end: 400)
        backwards.codings = [.init(guid: "00000000-0000-4000-8000-000000000003", codeRef: "00000000-0000-4000-8000-0000000000c1")]
        source.recording = .init(
            kind: .audio, path: "internal://x.wav", transcriptGUID: "00000000-0000-4000-8000-000000000004", timeSelections: [backwards])
        project.sources = [source]
        let xml = project.projectXML()
        #expect(xml.contains("<AudioSelection guid=\"00000000-0000-4000-8000-000000000002\" begin=\"900\" end=\"400\">"))
        let read = try REFIProject.read(
            try XMLNode.parse(SourceFile(path: "x.qde", bytes: Array(xml.utf8))), file: "x.qde", expecting: "Project")
        let plan = ExchangeImportMapper(file: "x.qdpx", xmlFile: "x.qde", actor: "carla")
            .plan(read, texts: [guid: .text("C1: Ja.\n", hasByteOrderMark: false)])
        #expect(plan.timeSpanCodings.isEmpty)
        #expect(
            plan.leftOut.contains {
                $0.contains("time selection 00000000-0000-4000-8000-000000000002 (900–400 ms) in 'a' does not end after it starts")
            })
    }
}
