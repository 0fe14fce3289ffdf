import CDAKit
import CDATestSupport
import Foundation
import Testing
import ZIPFoundation

/// A coded project exported to `.qdpx` and imported into a fresh project comes back the same.
@Suite struct ExchangeRoundTripTests {
    /// What must survive a round trip, read through the public API.
    struct Fingerprint: Equatable {
        var documents: [String]
        var utterances: [String: [String]]
        var speakers: [String]
        var codes: [String]
        var codings: [[String]]
        var memos: [String?]
        var themes: [String]
    }

    static func fingerprint(_ store: ProjectStore) throws -> Fingerprint {
        let documents = try store.documents()
        var utterances: [String: [String]] = [:]
        for document in documents {
            utterances[document.id] = try store.utterances(of: document.id).map { "\($0.index)|\($0.speaker ?? "-")|\($0.text)" }
        }
        let themes = try store.themes()
        func themeID(_ label: String) -> String { themes.first { $0.label == label }?.id ?? "?" }
        let memos: [String?] = [
            try store.memo(on: .project), try store.memo(on: .code("loket")), try store.memo(on: .document("divers")),
            try store.memo(on: .theme(themeID("China als dystopie"))),
            try store.memo(on: .themeGroup(theme: themeID("China als dystopie"), group: "citizens")),
        ]
        return Fingerprint(
            documents: documents.map {
                "\($0.id)|\($0.title)|\($0.utterances)|\($0.speakers)|\($0.words)|\($0.attributes.sorted { $0.key < $1.key })"
            },
            utterances: utterances,
            speakers: try store.speakers().map {
                "\($0.id)|\($0.name)|\($0.role)|\($0.group ?? "-")|\($0.utterances)|\($0.words)|\($0.attributes.sorted { $0.key < $1.key })"
            },
            codes: try store.codes().map {
                "\($0.name)|\($0.parent ?? "-")|\($0.status)|\($0.origin)|\($0.color ?? "-")|\($0.description)|\($0.fragments)|\($0.codings)|\($0.speakers)"
            },
            codings: try store.sheetRows(),
            memos: memos,
            themes: themes.map { "\($0.label)|\($0.description)|\($0.codes)" })
    }

    @Test func projectSurvivesExportAndImport() throws {
        let folder = TemporaryDirectory()
        let original = try ExchangeFixtures.codedProject(in: folder)
        let archive = folder.file("study.qdpx")
        let exported = try REFIExchange.exportProject(original, to: archive, schemas: nil)
        #expect(exported.counts.documents == 3)
        #expect(exported.counts.codings == 10)

        let copy = try ProjectStore.create(at: folder.file("copy.cda"))
        let imported = try REFIExchange.importProject(archive, into: copy, options: .init(schemas: nil, actor: "carla"))
        #expect(imported.documentsAdded == ["cit", "exp", "divers"])
        #expect(imported.codingsAdded == 10)
        #expect(imported.memosAdded == 5)
        #expect(imported.notMapped == [])

        let before = try Self.fingerprint(original)
        let after = try Self.fingerprint(copy)
        #expect(after.documents == before.documents)
        #expect(after.utterances == before.utterances)
        #expect(after.speakers == before.speakers)
        #expect(after.codes == before.codes)
        #expect(after.codings == before.codings)
        #expect(after.memos == before.memos)
        #expect(after.themes == before.themes)
        #expect(before.memos[0] == "Projectmemo\r\nmet twee regels en een tab\there.")
        #expect(before.codings.contains { $0[0] == "divers" && $0[2] == "20" && $0[3] == "28" && $0[4] == "\"één ding\"" })

        // Importing again adds nothing twice.
        let again = try REFIExchange.importProject(archive, into: copy, options: .init(schemas: nil, actor: "carla"))
        #expect(again.documentsUnchanged == ["cit", "exp", "divers"])
        #expect(again.codingsAdded == 0)
        #expect(again.codingsPresent == 10)
        #expect(again.codesCreated == 0)
        #expect(again.memosAdded == 0)
        #expect(again.notMapped == [])
        #expect(try Self.fingerprint(copy) == after)
    }

    @Test func positionsCountCodePointsInThePlainText() throws {
        let folder = TemporaryDirectory()
        let store = try ExchangeFixtures.codedProject(in: folder)
        let archive = folder.file("study.qdpx")
        _ = try REFIExchange.exportProject(store, to: archive, schemas: nil)
        let (qde, texts) = try Self.contents(of: archive)
        // The emoji selection in "divers": line 1 is "C1: " + text, so 4 + 10 ..< 4 + 12.
        let divers = try #require(texts.first { $0.value.hasPrefix("C1: Café?") }?.value)
        #expect(divers == "C1: Café? Ja! 👍🏽 Dat is één ding.\nZoë: Naïeve 🇳🇱 vlag — oké.\nC1: Tot ziens.\n")
        #expect(qde.contains("startPosition=\"14\" endPosition=\"16\""))
        let scalars = Array(divers.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[14..<16])) == "👍🏽")
        // "één ding" at 4 + 20 ..< 4 + 28; the cross-line fragment from line 2 offset 7 to line 3 offset 2.
        #expect(String(String.UnicodeScalarView(scalars[24..<32])) == "één ding")
        let line2 = "C1: Café? Ja! 👍🏽 Dat is één ding.\n".unicodeScalars.count
        let start = line2 + "Zoë: ".unicodeScalars.count + 7
        let end = line2 + "Zoë: Naïeve 🇳🇱 vlag — oké.\n".unicodeScalars.count + "C1: ".unicodeScalars.count + 2
        #expect(qde.contains("startPosition=\"\(start)\" endPosition=\"\(end)\""))
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "🇳🇱 vlag — oké.\nC1: To")
        // Memo line breaks survive XML: the CR is written as a character reference.
        #expect(qde.contains("Projectmemo&#13;\nmet twee regels"))
    }

    @Test func guidsStayStableAcrossExportsAndRoundTrips() throws {
        let folder = TemporaryDirectory()
        let store = try ExchangeFixtures.codedProject(in: folder)
        _ = try REFIExchange.exportProject(store, to: folder.file("a.qdpx"), schemas: nil)
        _ = try REFIExchange.exportProject(store, to: folder.file("b.qdpx"), schemas: nil)
        let first = try Self.contents(of: folder.file("a.qdpx")).qde
        #expect(try Self.contents(of: folder.file("b.qdpx")).qde == first)
        // The imported codebook's GUIDs are kept (lowercase, without braces).
        #expect(first.contains("guid=\"6f1c2a3b-0000-4000-8000-0000000000a1\" name=\"overheid\""))

        let copy = try ProjectStore.create(at: folder.file("copy.cda"))
        _ = try REFIExchange.importProject(folder.file("a.qdpx"), into: copy, options: .init(schemas: nil, actor: "carla"))
        _ = try REFIExchange.exportProject(copy, to: folder.file("c.qdpx"), schemas: nil)
        let second = try Self.contents(of: folder.file("c.qdpx")).qde
        #expect(Self.guids(in: second, element: "Code") == Self.guids(in: first, element: "Code"))
        #expect(Self.guids(in: second, element: "TextSource") == Self.guids(in: first, element: "TextSource"))
        #expect(Self.guids(in: second, element: "PlainTextSelection") == Self.guids(in: first, element: "PlainTextSelection"))
        #expect(Self.guids(in: second, element: "Case") == Self.guids(in: first, element: "Case"))
    }

    @Test(.needsShared("standards/refi-qda"))
    func exportsValidateAgainstTheSchemas() throws {
        let schemas = try #require(ExchangeFixtures.schemas)
        let folder = TemporaryDirectory()
        let store = try ExchangeFixtures.codedProject(in: folder)
        let project = try REFIExchange.exportProject(store, to: folder.file("study.qdpx"), schemas: schemas)
        #expect(project.validatedWith == schemas.projectSchema)
        let codebook = try REFIExchange.exportCodebook(store, to: folder.file("codes.qdc"), schemas: schemas)
        #expect(codebook.counts.codes == 8)
        #expect(codebook.counts.themes == 4)
        #expect(try REFIExchange.validate(folder.file("study.qdpx"), schemas: schemas).problems == [])
        #expect(try REFIExchange.validate(folder.file("codes.qdc"), schemas: schemas).problems == [])
    }

    @Test func codebookRoundTripsIntoAnotherProject() throws {
        let folder = TemporaryDirectory()
        let store = try ExchangeFixtures.codedProject(in: folder)
        _ = try REFIExchange.exportCodebook(store, to: folder.file("codes.qdc"), schemas: ExchangeFixtures.schemas)
        let other = try ProjectStore.create(at: folder.file("other.cda"))
        let result = try REFIExchange.importCodebook(
            folder.file("codes.qdc"), into: other, options: .init(schemas: ExchangeFixtures.schemas, actor: "carla"))
        #expect(result.codesCreated == 8)
        #expect(result.themesAdded == 4)
        let strip: (CodeSummary) -> String = { "\($0.name)|\($0.parent ?? "-")|\($0.origin)|\($0.color ?? "-")|\($0.description)" }
        #expect(try other.codes().map(strip) == store.codes().map(strip))
        #expect(try other.themes().map { "\($0.label)|\($0.codes)" } == store.themes().map { "\($0.label)|\($0.codes)" })
    }

    @Test func aCodeRemovedByUndoGivesUpItsGUID() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "a", coder: "x"))
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 3), codeName: "b", coder: "x"))
        _ = try store.mergeCodes(["a", "b"], into: "samen", actor: "x")
        _ = try REFIExchange.exportProject(store, to: folder.file("1.qdpx"), schemas: nil)
        let merged = Self.guids(in: try Self.contents(of: folder.file("1.qdpx")).qde, element: "Code")
        _ = try store.undo()
        // The next new code reuses the removed code's id; it must not inherit its GUID.
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 4), codeName: "nieuw", coder: "x"))
        _ = try REFIExchange.exportProject(store, to: folder.file("2.qdpx"), schemas: nil)
        let qde = try Self.contents(of: folder.file("2.qdpx")).qde
        let fresh = try #require(qde.components(separatedBy: "<Code ").first { $0.contains("name=\"nieuw\"") })
        #expect(merged.count == 1)
        #expect(!fresh.contains(merged[0]))
    }

    /// `project.qde` and the plain texts by entry path.
    static func contents(of archive: String) throws -> (qde: String, texts: [String: String]) {
        let zip = try Archive(url: URL(fileURLWithPath: archive), accessMode: .read)
        var qde = ""
        var texts: [String: String] = [:]
        for entry in zip {
            var data = Data()
            _ = try zip.extract(entry) { data.append($0) }
            if entry.path == "project.qde" {
                qde = String(decoding: data, as: UTF8.self)
            } else {
                texts[entry.path] = String(decoding: data, as: UTF8.self)
            }
        }
        return (qde, texts)
    }

    /// The GUIDs of an element in document order.
    static func guids(in xml: String, element: String) -> [String] {
        xml.components(separatedBy: "<\(element) ").dropFirst().compactMap { chunk in
            chunk.range(of: "guid=\"").map { String(chunk[$0.upperBound...].prefix(36)) }
        }
    }
}
