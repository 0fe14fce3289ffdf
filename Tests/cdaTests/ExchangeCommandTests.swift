import ArgumentParser
import CDAKit
import CDATestSupport
import Foundation
import Testing

@testable import cda

@Suite(.serialized) struct ExchangeCommandTests {
    @Test func parsesTheExchangeCommands() throws {
        let export = try #require(
            try CDA.parseAsRoot(["export", "qdpx", "out.qdpx", "--round", "2", "--schemas", "x"]) as? ExportQDPXCommand)
        #expect(export.file == "out.qdpx")
        #expect(export.round == 2)
        #expect(export.schemas.directory == "x")
        expectRefusal(["export", "qdpx", "out.qdpx", "--round", "3"], saying: "--round must be between 1 and 2, not 3.")
        #expect(try CDA.parseAsRoot(["export", "qdc", "c.qdc"]) is ExportQDCCommand)
        let imported = try #require(try CDA.parseAsRoot(["import", "qdpx", "in.qdpx", "--lenient"]) as? ImportQDPXCommand)
        #expect(imported.options.lenient)
        #expect(try CDA.parseAsRoot(["import", "qdc", "c.qdc"]) is ImportQDCCommand)
        #expect(try CDA.parseAsRoot(["validate", "a.qdpx", "b.qdc"]) is ValidateCommand)
        #expect(try CDA.parseAsRoot(["export", "summaries"]) is ExportSummariesCommand)
    }

    @Test func exportValidateAndImportFromTheShell() throws {
        let folder = TemporaryDirectory()
        _ = try ExchangeFixtures.codedProject(in: folder, name: "study.cda")
        var env = ["CDA_PROJECT": folder.file("study.cda"), "CDA_CODER": "tester"]
        if let schemas = ExchangeFixtures.schemas { env["CDA_REFI_SCHEMAS"] = schemas.directory }
        func cda(_ arguments: String...) throws -> CLI.Result { try CLI.run(arguments, in: folder.path, environment: env) }

        let export = try cda("export", "qdpx", "study.qdpx")
        #expect(export.status == 0)
        #expect(export.output.contains("Wrote study.qdpx: 3 document(s), 8 code(s)"))
        #expect(try cda("export", "qdc", "codes.qdc").status == 0)
        if ExchangeFixtures.schemas != nil {
            #expect(export.output.contains("Valid against"))
            let validate = try cda("validate", "study.qdpx", "codes.qdc")
            #expect(validate.status == 0)
            #expect(validate.output.contains("study.qdpx: valid against"))
            folder.write("broken.qdc", "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes/></CodeBook>")
            let broken = try cda("validate", "broken.qdc")
            #expect(broken.status != 0)
            #expect(broken.error.contains("broken.qdc:1:"))
        }

        env["CDA_PROJECT"] = folder.file("copy.cda")
        #expect(try cda("init").status == 0)
        // Without ../shared (a user's clone) there are no schemas to validate against: import leniently.
        let imported =
            ExchangeFixtures.schemas == nil
            ? try cda("import", "qdpx", "study.qdpx", "--json", "--lenient")
            : try cda("import", "qdpx", "study.qdpx", "--json")
        #expect(imported.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(imported.output.utf8)) as? [String: Any])
        #expect(json["codingsAdded"] as? Int == 10)
        #expect(json["documentsAdded"] as? [String] == ["cit", "exp", "divers"])
        let shown = try cda("show", "divers", "--json")
        #expect(shown.output.contains("Café? Ja! 👍🏽 Dat is één ding."))
    }

    @Test func missingSchemasAreNamedAndLenientGoesOn() throws {
        let folder = TemporaryDirectory()
        _ = try ExchangeFixtures.codedProject(in: folder, name: "study.cda")
        // Nothing outside the test's folder may supply schemas: not the current directory, not the user's data folder.
        let env = [
            "CDA_PROJECT": folder.file("study.cda"), "CDA_REFI_SCHEMAS": folder.file("nowhere"), "XDG_DATA_HOME": folder.file("data"),
        ]
        func cda(_ arguments: String...) throws -> CLI.Result { try CLI.run(arguments, in: folder.path, environment: env) }
        let export = try cda("export", "qdpx", "study.qdpx")
        #expect(export.status == 0)
        #expect(export.error.contains("note: not validated"))
        let validate = try cda("validate", "study.qdpx")
        #expect(validate.status == 0)
        #expect(validate.output.contains("study.qdpx: valid by cda's own checks (schema validation skipped)"))
        #expect(
            validate.error.contains(
                "were not found; looked in: $CDA_REFI_SCHEMAS (\(folder.file("nowhere"))), \(folder.file("data"))/cda/refi-qda"))
        let imported = try cda("import", "qdpx", "study.qdpx")
        #expect(imported.status == 0)
        #expect(imported.error.contains("note: schema validation skipped"))
        #expect(imported.output.contains("3 unchanged"))
        #expect(imported.output.contains("coding(s) added to round 1"))
    }

    @Test func aLenientImportThatLeavesSomethingOutFails() throws {
        let folder = TemporaryDirectory()
        let env = ["CDA_PROJECT": folder.file("p.cda"), "CDA_REFI_SCHEMAS": folder.file("nowhere"), "XDG_DATA_HOME": folder.file("data")]
        func cda(_ arguments: String...) throws -> CLI.Result { try CLI.run(arguments, in: folder.path, environment: env) }
        #expect(try cda("init").status == 0)
        folder.write(
            "codes.qdc",
            """
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="c001" name="a" isCodable="true"/></Codes>
            <Sets><Set guid="6f1c2a3b-0000-4000-8000-0000000000b1" name="S"><MemberCode guid="c999"/></Set></Sets></CodeBook>
            """)
        let strict = try cda("import", "qdc", "codes.qdc")
        #expect(strict.status != 0)
        #expect(strict.error.contains("codes.qdc:1: code 'c001' had no valid guid; given a new one"))
        let lenient = try cda("import", "qdc", "codes.qdc", "--lenient")
        #expect(lenient.status == 1)
        #expect(lenient.output.contains("Repaired:\n  - codes.qdc:1: code 'c001' had no valid guid; given a new one"))
        #expect(
            lenient.output.contains("Left out:\n  - codes.qdc:2: <MemberCode> has guid 'c999', which names nothing in the file; left out"))
        #expect(lenient.error.contains("1 item(s) were left out"))
    }
}
