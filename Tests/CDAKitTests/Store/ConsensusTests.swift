import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

@Suite struct ConsensusTests {
    /// a and b agree on 'overheid' at cit 2 and exp 2, and differ at cit 4 (a only) and exp 4 (b only).
    private func project(_ folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try CodingFixtures.project(in: folder)
        for (document, utterance, coder) in [
            ("cit", 2, "a"), ("cit", 4, "a"), ("exp", 2, "a"), ("cit", 2, "b"), ("exp", 2, "b"), ("exp", 4, "b"),
        ] {
            _ = try store.addCoding(
                CodingRequest(fragment: Fragment(documentID: document, startUtterance: utterance), codeName: "overheid", coder: coder))
        }
        return store
    }

    @Test func addsTheAgreedCodingsOnceAndListsTheRest() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        let result = try store.consensus(AgreementOptions(coders: ["a", "b"]), as: "team")
        #expect(result.agreed == 2)
        #expect(result.added == 2)
        #expect(result.disagreements.map(\.fragment.description) == ["cit:4", "exp:4"])
        let added = try store.fragments(code: "overheid").filter { $0.coders.contains("team") }.map(\.fragment.description)
        #expect(added == ["cit:2", "exp:2"])

        let again = try store.consensus(AgreementOptions(coders: ["a", "b"]), as: "team")
        #expect(again.added == 0)
        #expect(again.alreadyPresent == 2)
    }

    @Test func importingTheSettledSheetCompletesTheConsensus() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        let result = try store.consensus(AgreementOptions(coders: ["a", "b"]), as: "team")
        let sheet = Disagreement.sheet(result.disagreements, coders: result.coders, round: result.round, coder: result.coder)
        // The team keeps cit 4 and drops exp 4.
        let settled = sheet.split(separator: "\n").filter { !$0.hasPrefix("exp\t") }.joined(separator: "\n")
        let rows = try CodingSheet.parse(settled, file: "settled.tsv", defaultCoder: "someone").get()
        #expect(rows.map(\.request?.coder) == ["team"])
        #expect(rows.first?.request?.memo == "a: present; b: absent")
        _ = try store.importSheet(rows, file: "settled.tsv")
        let team = try store.fragments(code: "overheid").filter { $0.coders.contains("team") }.map(\.fragment.description)
        #expect(team == ["cit:2", "cit:4", "exp:2"])
    }

    @Test func refusesAConsensusCoderAmongTheCoders() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        #expect(throws: AgreementError.consensusCoderCompared("a")) { try store.consensus(AgreementOptions(coders: ["a", "b"]), as: "a") }
        #expect(throws: AgreementError.unknownCoder("quinten", suggestion: nil)) {
            try store.consensus(AgreementOptions(coders: ["a", "quinten"]), as: "team")
        }
        #expect(try store.fragments(code: "overheid").allSatisfy { !$0.coders.contains("team") })
    }
}
