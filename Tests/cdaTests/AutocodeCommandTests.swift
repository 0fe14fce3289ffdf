import CDATestSupport
import Foundation
import Testing

@Suite struct AutocodeCommandTests {
    /// The help promises the current round; a suggestion sheet written in round 2 says round 2,
    /// and importing it adds round-2 codings.
    @Test func suggestionsGoToTheCurrentRound() throws {
        let folder = TemporaryDirectory()
        folder.write("cit.txt", CodingFixtures.citizens)
        folder.write("themes.yaml", CodingFixtures.codebook)
        folder.write("dict.tsv", "china\tchina\nloket\tloket\n")
        let env = ["CDA_PROJECT": folder.file("study.cda"), "CDA_CODER": "tester"]
        func cda(_ arguments: String...) throws -> CLI.Result { try CLI.run(arguments, in: folder.path, environment: env) }
        #expect(try cda("init").status == 0)
        #expect(try cda("ingest", "cit.txt").status == 0)
        #expect(try cda("themes", "load", "themes.yaml").status == 0)

        let roundOne = try cda("autocode", "--dictionary", "dict.tsv", "--out", "one.tsv")
        #expect(roundOne.status == 0)
        #expect(roundOne.output.hasPrefix("2 hit(s):\n  china: citizens 1\n  loket: citizens 1\n"))
        #expect(try rounds(in: folder.file("one.tsv")) == ["1", "1"])

        #expect(try cda("round", "start", "2", "--themes", "china-image").status == 0)
        #expect(try cda("autocode", "--dictionary", "dict.tsv", "--out", "two.tsv").status == 0)
        #expect(try rounds(in: folder.file("two.tsv")) == ["2", "2"])
        #expect(try cda("sheet", "import", "two.tsv").status == 0)
        let fragments =
            try JSONSerialization.jsonObject(with: Data(try cda("fragments", "--round", "2", "--json").output.utf8)) as? [[String: Any]]
        #expect(fragments?.count == 2)

        let count = try cda("autocode", "--dictionary", "dict.tsv", "--count")
        #expect(count.output == "2 hit(s):\n  china: citizens 1\n  loket: citizens 1\n")
    }

    /// The `round` column of a coding sheet, row by row.
    private func rounds(in path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map {
            String($0.split(separator: "\t", omittingEmptySubsequences: false)[5])
        }
    }
}
