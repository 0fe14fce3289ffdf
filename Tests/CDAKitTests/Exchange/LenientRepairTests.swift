import CDAKit
import CDATestSupport
import Foundation
import Testing

/// Real-world deviations: ids that are not GUIDs, empty sets, codebook-only projects, schemas
/// looked up where a user keeps them.
@Suite struct LenientRepairTests {
    /// A codebook whose ids are not GUIDs, with nested codes, a set referring to them and an empty `<Sets/>`.
    static let codebook = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Spreadsheet export">
          <Codes>
            <Code guid="c001" name="vaccinatie" isCodable="true">
              <Code guid="c002" name="plicht" isCodable="true">
                <Code guid="c003" name="kritiek" isCodable="true"/>
              </Code>
            </Code>
            <Code guid="c004" name="vertrouwen" isCodable="true"/>
          </Codes>
          <Sets>
            <Set guid="s001" name="Beleid"><MemberCode guid="c002"/></Set>
          </Sets>
        </CodeBook>
        """

    @Test func nonGUIDIdsAreRepairedWithTheHierarchyKept() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("codes.qdc", Self.codebook)
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let strict = #expect(throws: ExchangeError.self) {
            try REFIExchange.importCodebook(path, into: store, options: .init(schemas: nil, actor: "a"))
        }
        #expect(String(describing: strict!).contains("\(path):4: code 'c001' had no valid guid; given a new one"))
        #expect(try store.codes().isEmpty)

        let result = try REFIExchange.importCodebook(path, into: store, options: .init(schemas: nil, lenient: true, actor: "a"))
        #expect(result.codesCreated == 4)
        #expect(result.repairs.count == 5)
        #expect(result.repairs.first == "\(path):4: code 'c001' had no valid guid; given a new one")
        #expect(result.repairs.last == "\(path):12: set 's001' had no valid guid; given a new one")
        #expect(result.isComplete)
        let codes = try store.codes()
        #expect(
            codes.map { "\($0.name)|\($0.parent ?? "-")" }.sorted() == [
                "kritiek|plicht", "plicht|vaccinatie", "vaccinatie|-", "vertrouwen|-",
            ])
        #expect(try store.themes().map { "\($0.label)|\($0.codes)" } == ["Beleid|[\"plicht\"]"])
    }

    @Test func emptySetsAndAnotherNamespaceAreAcceptedLeniently() throws {
        let folder = TemporaryDirectory()
        let path = folder.write(
            "empty.qdc",
            """
            <CodeBook xmlns="urn:QDA-XML:codebook:0:4"><Codes><Code guid="6f1c2a3b-0000-4000-8000-0000000000a1" name="a" isCodable="true"/></Codes><Sets/></CodeBook>
            """)
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let result = try REFIExchange.importCodebook(
            path, into: store, options: .init(schemas: ExchangeFixtures.schemas, lenient: true, actor: "a"))
        #expect(result.codesCreated == 1)
        #expect(result.isComplete)
    }

    @Test func codebookOnlyProjectImportsAndExports() throws {
        let folder = TemporaryDirectory()
        let qde = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="Codebook only" origin="ATLAS.ti 9">
              <CodeBook><Codes>
                <Code guid="c0000000-0000-4000-8000-000000000001" name="ouder" isCodable="false">
                  <Code guid="c0000000-0000-4000-8000-000000000002" name="kind" isCodable="true"/>
                </Code>
              </Codes></CodeBook>
            </Project>
            """
        let path = folder.file("codes.qdpx")
        try ForeignImportTests.archive([("project.qde", Array(qde.utf8))], at: path)
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let result = try REFIExchange.importProject(path, into: store, options: .init(schemas: ExchangeFixtures.schemas, actor: "a"))
        #expect(result.codesCreated == 2)
        #expect(result.documentsAdded == [])
        #expect(result.isComplete)

        let exported = try REFIExchange.exportProject(store, to: folder.file("out.qdpx"), schemas: ExchangeFixtures.schemas)
        #expect(exported.counts.codes == 2)
        #expect(exported.counts.documents == 0)
        let checked = try REFIExchange.validate(folder.file("out.qdpx"), schemas: ExchangeFixtures.schemas)
        #expect(checked.problems == [])
        let copy = try ProjectStore.create(at: folder.file("copy.cda"))
        #expect(
            try REFIExchange.importProject(folder.file("out.qdpx"), into: copy, options: .init(schemas: nil, actor: "a")).codesCreated == 2)
        #expect(try copy.codes().map { "\($0.name)|\($0.parent ?? "-")" } == ["kind|ouder", "ouder|-"])
    }

    @Test func validateWithoutSchemasRunsOwnChecks() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("codes.qdc", Self.codebook)
        let result = try REFIExchange.validate(path, schemas: nil)
        #expect(result.schema == nil)
        #expect(result.problems.count == 5)
        #expect(result.problems.first == "\(path):4: code 'c001' had no valid guid (an import with --lenient gives it a new one)")
        let good = folder.write("good.qdc", ExchangeFixtures.codebook)
        #expect(try REFIExchange.validate(good, schemas: nil).isValid)
        let broken = folder.write("broken.qdc", "<CodeBook><Codes>")
        #expect(try REFIExchange.validate(broken, schemas: nil).problems.first?.hasPrefix("\(broken):") == true)
    }

    @Test func schemasAreFoundInTheUserDataFolder() throws {
        let folder = TemporaryDirectory()
        let data = folder.file("data")
        try FileManager.default.createDirectory(atPath: data + "/cda/refi-qda", withIntermediateDirectories: true)
        for name in ["Project.xsd", "Codebook.xsd"] {
            #expect(FileManager.default.createFile(atPath: data + "/cda/refi-qda/" + name, contents: Data()))
        }
        #expect(try REFISchemas.locate(explicit: nil, environment: ["XDG_DATA_HOME": data]).directory == data + "/cda/refi-qda")
        try FileManager.default.createDirectory(atPath: folder.file("home/.local/share"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: data + "/cda", toPath: folder.file("home/.local/share/cda"))
        #expect(
            try REFISchemas.locate(explicit: nil, environment: ["HOME": folder.file("home")]).directory
                == folder.file("home/.local/share/cda/refi-qda"))
        let error = #expect(throws: ExchangeError.self) {
            try REFISchemas.locate(explicit: nil, environment: ["HOME": folder.file("nobody")])
        }
        #expect(error == .schemasNotFound(searched: ["$CDA_REFI_SCHEMAS (not set)", folder.file("nobody") + "/.local/share/cda/refi-qda"]))
    }

    @Test(
        .needsShared("corpora/samples/refi-qda/portableQDA_Atlasti.qdc")
    )
    func atlasCodebookImportsLeniently() throws {
        let path = try #require(SharedData.path("corpora/samples/refi-qda/portableQDA_Atlasti.qdc"))
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let result = try REFIExchange.importCodebook(
            path, into: store, options: .init(schemas: ExchangeFixtures.schemas, lenient: true, actor: "a"))
        #expect(result.codesCreated == 5)
        #expect(result.themesAdded == 2)
        #expect(result.isComplete)
        #expect(try store.codes().first { $0.name == "code:3.1" }?.parent == "code3")
    }
}
