import CDATestSupport
import Foundation
import Testing

/// Every numeric option of the command line, given a negative number, zero, `Int.max` and a word:
/// each ends with a usage error (exit 64) that names the option, never with a crash.
@Suite(.serialized) struct HostileArgumentTests {
    /// A command with one numeric option, and the values that must be refused.
    struct Case: Sendable, CustomStringConvertible {
        var arguments: [String]
        var option: String
        var refused: [String]
        var description: String { (arguments + [option]).joined(separator: " ") }
    }

    static let huge = String(Int.max)
    static let positive = ["-1", "0", huge, "many"]
    static let roundValues = ["-1", "0", "3", huge, "two"]

    static let cases: [Case] = [
        Case(arguments: ["kwic", "overheid"], option: "--limit", refused: positive),
        Case(arguments: ["kwic", "overheid"], option: "--width", refused: ["-1", huge, "wide"]),
        Case(arguments: ["kwic", "overheid", "--code-as", "x", "--yes"], option: "--round", refused: roundValues),
        Case(arguments: ["keyness", "--groups", "a,b"], option: "--limit", refused: positive),
        Case(arguments: ["keyness", "--groups", "a,b"], option: "--min-freq", refused: positive),
        Case(arguments: ["keyness", "--groups", "a,b"], option: "--ngrams", refused: ["-1", "0", "4", huge]),
        Case(arguments: ["collocates", "overheid"], option: "--limit", refused: positive),
        Case(arguments: ["collocates", "overheid"], option: "--min-freq", refused: positive),
        Case(arguments: ["collocates", "overheid"], option: "--window", refused: ["-1,5", "0,0", "\(huge),\(huge)", "5", "a,b"]),
        Case(arguments: ["suggest", "merges"], option: "--limit", refused: positive),
        Case(arguments: ["suggest", "in-vivo"], option: "--limit", refused: positive),
        Case(arguments: ["report", "--out", "r"], option: "--max-quote-words", refused: positive),
        Case(arguments: ["show", "d"], option: "--from", refused: positive),
        Case(arguments: ["show", "d"], option: "--to", refused: ["-1", "0", huge]),
        Case(arguments: ["code", "add", "--doc", "d", "--code", "c"], option: "--utterance", refused: positive),
        Case(arguments: ["code", "add", "--doc", "d", "--code", "c", "--utterance", "1"], option: "--round", refused: roundValues),
        Case(
            arguments: ["code", "add", "--doc", "d", "--code", "c", "--utterance", "1", "--end", "3"], option: "--start",
            refused: ["-1", huge, "x"]),
        Case(arguments: ["code", "remove", "--doc", "d", "--utterance", "1"], option: "--round", refused: roundValues),
        Case(arguments: ["fragments"], option: "--round", refused: roundValues),
        Case(arguments: ["autocode", "--dictionary", "dict.tsv"], option: "--round", refused: roundValues),
        Case(arguments: ["export", "qdpx", "x.qdpx"], option: "--round", refused: roundValues),
        Case(arguments: ["serve"], option: "--port", refused: ["-1", "65536", huge, "http"]),
    ]

    @Test(arguments: cases)
    func numericOptionIsRefusedWithoutACrash(_ testCase: Case) throws {
        let folder = TemporaryDirectory()
        for value in testCase.refused {
            let result = try CLI.run(testCase.arguments + [testCase.option, value], in: folder.path)
            #expect(result.status == 64, "\(testCase) \(value): exit \(result.status), \(result.error)")
            #expect(result.error.contains(testCase.option) || result.error.contains("must be"), "\(testCase) \(value): \(result.error)")
        }
    }
}
