import ArgumentParser
import CDAKit
import CDATestSupport
import Foundation
import Testing

@testable import cda

@Suite(.serialized) struct DynamicsCommandTests {
    @Test func parsesTheSharedByOption() throws {
        let dynamics = try #require(
            try CDA.parseAsRoot(["dynamics", "--by", "agegroup", "--doc", "g1", "g2", "--round", "1", "--json"]) as? DynamicsCommand)
        #expect((dynamics.grouping.by, dynamics.documents, dynamics.round, dynamics.output.json) == ("agegroup", ["g1", "g2"], 1, true))
        #expect(throws: (any Error).self) { try CDA.parseAsRoot(["dynamics", "--round", "3"]) }
        func by(_ arguments: String...) throws -> String? {
            switch try CDA.parseAsRoot(arguments + ["--by", "party"]) {
            case let command as KeynessCommand: command.filters.grouping.by
            case let command as CollocatesCommand: command.filters.grouping.by
            case let command as PositioningCommand: command.filters.grouping.by
            case let command as KwicCommand: command.filters.grouping.by
            default: nil
            }
        }
        #expect(try by("keyness", "--groups", "a,b") == "party")
        #expect(try by("collocates", "camera") == "party")
        #expect(try by("positioning") == "party")
        #expect(try by("kwic", "camera") == "party")
        let report = try #require(try CDA.parseAsRoot(["report", "--by", "session", "--dynamics"]) as? ReportCommand)
        #expect((report.selection.grouping.by, report.dynamics) == ("session", true))
    }

    @Test func runsOnAProjectFromTheShell() throws {
        let folder = TemporaryDirectory()
        _ = try DynamicsFixtures.project(in: folder)
        let env = ["CDA_PROJECT": folder.file("dynamics.cda")]
        func cda(_ arguments: String...) throws -> CLI.Result { try CLI.run(arguments, in: folder.path, environment: env) }

        let json = try cda("dynamics", "--json")
        #expect(json.status == 0)
        let dynamics = try JSONDecoder().decode(ConversationDynamics.self, from: Data(json.output.utf8))
        #expect(dynamics.groups.map(\.silentParticipants) == [1, 0])
        #expect(dynamics.transitions.participantToParticipant == 6)
        let table = try cda("dynamics", "--by", "agegroup")
        #expect(table.status == 0)
        #expect(table.output.contains("Participation per agegroup"))

        let keyness = try cda("keyness", "--by", "agegroup", "--groups", "young,old", "--min-freq", "1", "--json")
        #expect(keyness.status == 0)
        #expect(keyness.output.contains("\"targetTokens\" : 18"))
        let unknown = try cda("keyness", "--groups", "citizens,citizen")
        #expect(unknown.status != 0)
        #expect(unknown.error.contains("Unknown group 'citizen' for 'group'. The groups are: 'citizens', 'experts'."))

        let report = try cda("report", "--dynamics", "--format", "md", "--out", "out")
        #expect(report.status == 0)
        #expect(try String(contentsOfFile: folder.file("out/report.md"), encoding: .utf8).contains("### Turn transitions"))
    }
}
