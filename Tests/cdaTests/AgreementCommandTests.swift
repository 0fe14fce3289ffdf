import ArgumentParser
import CDATestSupport
import Foundation
import Testing

@testable import cda

@Suite(.serialized) struct AgreementCommandTests {
    /// Two coders' sheets on the citizens' and experts' transcripts: they agree on 'overheid' at
    /// cit 2 and exp 2 and differ at cit 4 and exp 4; both code cit 3 as 'china'.
    private static let sheetA = """
        document\tutterance\tstart\tend\tcode\tround\tcoder\tmemo\ttext
        cit\t2\t\t\toverheid\t1\ta\t\t
        cit\t4\t\t\toverheid\t1\ta\t\t
        exp\t2\t\t\toverheid\t1\ta\t\t
        cit\t3\t\t\tchina\t1\ta\t\t

        """
    private static let sheetB = """
        document\tutterance\tstart\tend\tcode\tround\tcoder\tmemo\ttext
        cit\t2\t\t\toverheid\t1\tb\t\t
        exp\t2\t\t\toverheid\t1\tb\t\t
        exp\t4\t\t\toverheid\t1\tb\t\t
        cit\t3\t0\t5\tchina\t1\tb\t\t

        """

    private func study() throws -> (TemporaryDirectory, (String...) throws -> CLI.Result) {
        let folder = TemporaryDirectory()
        folder.write("cit.txt", CodingFixtures.citizens)
        folder.write("exp.txt", CodingFixtures.experts)
        folder.write("a.tsv", Self.sheetA)
        folder.write("b.tsv", Self.sheetB)
        let env = ["CDA_PROJECT": folder.file("study.cda"), "CDA_CODER": "tester"]
        func cda(_ arguments: String...) throws -> CLI.Result { try CLI.run(arguments, in: folder.path, environment: env) }
        for arguments in [["init"], ["ingest", "cit.txt", "exp.txt"], ["sheet", "import", "a.tsv"], ["sheet", "import", "b.tsv"]] {
            let result = try CLI.run(arguments, in: folder.path, environment: env)
            #expect(result.status == 0, "\(arguments): \(result.error)")
        }
        return (folder, cda)
    }

    @Test func validatesItsOptions() throws {
        expectRefusal(["agreement", "--coders", "a"], saying: "Give two or more different coders")
        expectRefusal(["agreement", "--coders", "a,b", "--min-overlap", "0.9"], saying: "--min-overlap applies to --unit segment.")
        expectRefusal(
            ["agreement", "--coders", "a,b", "--unit", "segment", "--min-overlap", "1.5"],
            saying: "--min-overlap must be between 0.0 and 1.0, not 1.5.")
        expectRefusal(["agreement", "--coders", "a,b", "--round", "3"], saying: "--round must be between 1 and 2, not 3.")
        expectRefusal(["consensus", "--coders", "a,b", "--as", "a"], saying: "--as 'a' is one of the coders compared")
        let parsed = try #require(
            try CDA.parseAsRoot(["agreement", "--coders", "a,b", "--doc", "cit", "exp", "--codes", "china", "wij, zij"])
                as? AgreementCommand)
        #expect(parsed.comparison.documents == ["cit", "exp"])
        #expect(parsed.comparison.codes == ["china", "wij, zij"])
    }

    @Test func reportsAgreementAsJSONAndAsATable() throws {
        let (folder, cda) = try study()
        let json = try cda("agreement", "--coders", "a,b", "--json")
        #expect(json.status == 0, "\(json.error)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(report["unit"] as? String == "utterance")
        #expect(report["units"] as? Int == 7)
        #expect(report["coders"] as? [String] == ["a", "b"])
        #expect(report["round"] as? Int == 1)
        let codes = try #require(report["codes"] as? [[String: Any]])
        #expect(codes.map { $0["code"] as? String } == ["china", "overheid"])
        let overheid = codes[1]
        // (a, b) over 7 units: 2 both, 3 neither, 1 only a, 1 only b: κ = (7·5 − 25) / (49 − 25) = 5/12.
        #expect(abs((overheid["kappa"] as? Double ?? 0) - 5.0 / 12.0) < 1e-12)
        #expect(abs((overheid["agreement"] as? Double ?? 0) - 5.0 / 7.0) < 1e-12)
        #expect(overheid["fleiss_kappa"] is NSNull)
        #expect((overheid["undefined"] as? [String: String])?["fleiss_kappa"]?.contains("three or more coders") == true)
        #expect(overheid["coded_units"] as? [String: Int] == ["a": 3, "b": 3])
        let overall = try #require(report["overall"] as? [String: Any])
        #expect(Set(overall.keys).isSuperset(of: ["agreement", "kappa", "alpha"]))

        let text = try cda("agreement", "--coders", "a,b", "--disagreements", "differ.tsv")
        #expect(text.status == 0, "\(text.error)")
        #expect(text.output.contains("Agreement of a and b in round 1, per utterance: 7 utterance(s) in 2 document(s)."))
        #expect(text.output.contains("overheid"))
        #expect(text.output.contains("71.4%"))
        #expect(text.output.contains("0.417"))
        #expect(text.output.contains("Wrote 2 disagreement(s) to differ.tsv."))
        let sheet = try String(contentsOfFile: folder.file("differ.tsv"), encoding: .utf8)
        #expect(sheet.contains("cit\t4\t\t\toverheid\t1\t\ta: present; b: absent\tWij Nederlanders pikken dat niet."))
        let mode = try FileManager.default.attributesOfItem(atPath: folder.file("differ.tsv"))[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let segments = try cda("agreement", "--coders", "a,b", "--unit", "segment", "--min-overlap", "0.5", "--json")
        let bySegment = try #require(try JSONSerialization.jsonObject(with: Data(segments.output.utf8)) as? [String: Any])
        #expect(bySegment["min_overlap"] as? Double == 0.5)
        let china = try #require((bySegment["codes"] as? [[String: Any]])?.first)
        // b's 'China' (5 of 56 code points) does not overlap a's whole utterance by half: 0 of 2 checks.
        #expect(china["agreement"] as? Double == 0)
        #expect(china["alpha"] is NSNull)

        let unknown = try cda("agreement", "--coders", "a,bb")
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("No coding is by coder 'bb'. Did you mean 'b'?"))
    }

    @Test func consensusThenTheSettledSheetEndToEnd() throws {
        let (folder, cda) = try study()
        let consensus = try cda("consensus", "--coders", "a,b", "--as", "team", "--disagreements", "settle.tsv")
        #expect(consensus.status == 0, "\(consensus.error)")
        #expect(consensus.output.contains("Consensus of a and b in round 1 as 'team': 3 agreed coding(s), 3 added, 0 already present."))
        #expect(consensus.output.contains("2 disagreement(s) written to settle.tsv"))
        let sheet = try String(contentsOfFile: folder.file("settle.tsv"), encoding: .utf8)
        // The team keeps exp 4 and drops cit 4.
        folder.write("settle.tsv", sheet.split(separator: "\n").filter { !$0.hasPrefix("cit\t4") }.joined(separator: "\n") + "\n")
        let imported = try cda("sheet", "import", "settle.tsv")
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("1 coding(s) added"))
        // The consensus coder now agrees with b everywhere on 'overheid' and with a on 'china'.
        let check = try cda("agreement", "--coders", "b,team", "--codes", "overheid", "--json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any])
        #expect((report["codes"] as? [[String: Any]])?.first?["agreement"] as? Double == 1)
        let again = try cda("consensus", "--coders", "a,b", "--as", "team")
        #expect(again.output.contains("3 agreed coding(s), 0 added, 3 already present"))
        #expect(again.output.contains("write them to a sheet with --disagreements FILE"))
    }

    @Test func theReadmeShowsWhatCdaPrintsForTheSamples() throws {
        let folder = TemporaryDirectory()
        let samples = SharedData.repositoryRoot + "/Corpora/samples"
        let env = ["CDA_PROJECT": folder.file("buurt.cda")]
        for arguments in [
            ["init"], ["ingest", samples + "/buurtgesprek.txt"], ["sheet", "import", samples + "/agreement/codeur-anna.tsv"],
            ["sheet", "import", samples + "/agreement/codeur-bram.tsv"],
        ] {
            let result = try CLI.run(arguments, in: folder.path, environment: env)
            #expect(result.status == 0, "\(arguments): \(result.error)")
        }
        let readme = try String(contentsOfFile: SharedData.repositoryRoot + "/README.md", encoding: .utf8)
        let table = try CLI.run(["agreement", "--coders", "anna,bram"], in: folder.path, environment: env)
        let lines = table.output.split(separator: "\n").prefix { !$0.hasPrefix("anna, bram:") }.filter { !$0.isEmpty }
        #expect(lines.count == 9)
        for line in lines { #expect(readme.contains(line + "\n"), "README lacks: \(line)") }
        let segments = try CLI.run(
            ["agreement", "--coders", "anna,bram", "--unit", "segment", "--min-overlap", "0.7"], in: folder.path, environment: env)
        #expect(segments.output.contains("overall                                 13      76.9%"))
        let consensus = try CLI.run(
            ["consensus", "--coders", "anna,bram", "--as", "consensus", "--disagreements", "verschillen.tsv"], in: folder.path,
            environment: env)
        for line in consensus.output.split(separator: "\n") { #expect(readme.contains(line + "\n"), "README lacks: \(line)") }
    }
}
