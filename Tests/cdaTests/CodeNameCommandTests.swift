import CDATestSupport
import Foundation
import Testing

/// Control characters in code names, from the shell: each command that names a new code refuses
/// them with the library's message and leaves the project unchanged. A TAB in a code name once
/// passed `cda code add` and broke every coding sheet written afterwards.
@Suite(.serialized) struct CodeNameCommandTests {
    @Test func everyCommandRefusesControlCharactersInCodeNames() throws {
        let folder = TemporaryDirectory()
        folder.write("cit.txt", CodingFixtures.citizens)
        let env = ["CDA_PROJECT": folder.file("study.cda"), "CDA_CODER": "tester"]
        func cda(_ arguments: [String]) throws -> CLI.Result { try CLI.run(arguments, in: folder.path, environment: env) }
        #expect(try cda(["init"]).status == 0)
        #expect(try cda(["ingest", "cit.txt"]).status == 0)
        #expect(try cda(["code", "add", "--doc", "cit", "--utterance", "2", "--code", "goed"]).status == 0)
        folder.write("sheet.tsv", "document\tutterance\tstart\tend\tcode\ncit\t3\t\t\tgoed\ncit\t4\t\t\tslecht\u{1}teken\n")
        folder.write("codes.qdc", ExchangeFixtures.codebook.replacingOccurrences(of: #"name="loket""#, with: #"name="lo&#x85;ket""#))
        let before = try cda(["codes", "--json"]).output

        for (arguments, expected) in [
            (
                ["code", "add", "--doc", "cit", "--utterance", "3", "--code", "a\tb"],
                "The code name 'a\\tb' has a tab (U+0009) at character 2"
            ),
            (["code", "add", "--doc", "cit", "--utterance", "3", "--code", "regel\neen"], "has a line feed (new line) (U+000A)"),
            (["codes", "rename", "goed", "goed\u{7F}"], "The code name 'goed\\u{7F}' has a control character (U+007F)"),
            (["codes", "merge", "goed", "--into", "samen\u{2028}gevoegd"], "has a line separator (U+2028)"),
            (["codes", "split", "goed", "--into", "een,twee\u{1B}"], "has a control character (U+001B)"),
            (["codes", "move", "goed", "--under", "ouder\r"], "has a carriage return (U+000D)"),
            (["kwic", "overheid", "--include-moderators", "--code-as", "over\u{9F}heid", "--yes"], "has a control character (U+009F)"),
            (["sheet", "import", "sheet.tsv"], "sheet.tsv:3: The code name 'slecht\\u{1}teken' has a control character (U+0001)"),
            (
                ["import", "qdc", "codes.qdc", "--lenient"],
                "codes.qdc: code 6f1c2a3b-0000-4000-8000-0000000000a2 refused: The code name 'lo\\u{85}ket' has a next-line character (NEL) (U+0085)"
            ),
        ] {
            let result = try cda(arguments)
            #expect(result.status != 0, "\(arguments): exit \(result.status)")
            #expect(result.error.contains(expected), "\(arguments): \(result.error)")
            #expect(result.error.contains("without tabs, line breaks or other control characters"), "\(arguments): \(result.error)")
        }
        #expect(try cda(["codes", "--json"]).output == before)
    }
}
