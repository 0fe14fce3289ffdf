import ArgumentParser
import CDATestSupport
import Foundation
import Testing

@testable import cda

@Suite(.serialized) struct CHATCommandTests {
    @Test func formatChatIsAcceptedAndListedWhenAFormatIsUnknown() throws {
        let command = try #require(try CDA.parseAsRoot(["ingest", "--format", "chat", "a.cha"]) as? IngestCommand)
        #expect(command.format == "chat")
        let error = #expect(throws: (any Error).self) { try CDA.parseAsRoot(["ingest", "--format", "cha", "a.cha"]) }
        #expect(error.map { CDA.message(for: $0) } == "Unknown format 'cha'. Use one of: text, tei, xml, vtt, srt, eaf, trs, chat.")
    }

    @Test func ingestReadsACHATFileFromTheShell() throws {
        let folder = TemporaryDirectory()
        folder.write(
            "overleg.cha",
            "@UTF8\n@Begin\n@Participants:\tGL Investigator, P01 Participant\n*GL:\twie begint ? \u{15}0_1500\u{15}\n*P01:\tik wel . \u{15}1500_2600\u{15}\n@End\n"
        )
        let env = ["CDA_PROJECT": folder.file("study.cda")]
        #expect(try CLI.run(["init"], in: folder.path, environment: env).status == 0)
        let ingest = try CLI.run(["ingest", "overleg.cha", "--json"], in: folder.path, environment: env)
        #expect(ingest.status == 0)
        let outcomes = try JSONSerialization.jsonObject(with: Data(ingest.output.utf8)) as? [[String: Any]]
        #expect(outcomes?.first?["format"] as? String == "chat")
        #expect(outcomes?.first?["utterances"] as? Int == 2)
    }
}
