import CDAKit
import CDATestSupport
import Foundation
import Testing

@Suite(.needsShared("corpora/ParlaMint-NL"))
struct ParlaMintTests {
    /// Counts `<u ` elements and distinct `who` values in the raw file, independently of the reader.
    private func rawCounts(_ path: String) throws -> (utterances: Int, speakers: Int) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let opening = text.components(separatedBy: "<u ").dropFirst()
        let speakers = Set(
            opening.compactMap { element -> String? in
                guard let range = element.range(of: ##"who="#([^"]+)""##, options: .regularExpression) else { return nil }
                return String(element[range].dropFirst(6).dropLast())
            })
        return (opening.count, speakers.count)
    }

    @Test(arguments: ["2017/ParlaMint-NL_2017-01-26-tweedekamer-4.xml", "2022/ParlaMint-NL_2022-07-12-eerstekamer-3.xml"])
    func countsMatchTheFile(relative: String) throws {
        let path = try #require(SharedData.path("corpora/ParlaMint-NL/" + relative))
        let persons = try PersonListReader.read(
            SourceFile(contentsOf: try #require(SharedData.path("corpora/ParlaMint-NL/ParlaMint-NL-listPerson.xml"))))
        let transcript = try TEIReader().read(SourceFile(contentsOf: path), options: ReadOptions(persons: persons))
        let expected = try rawCounts(path)
        #expect(transcript.utterances.count == expected.utterances)
        #expect(Set(transcript.utterances.compactMap(\.speakerID)).count == expected.speakers)
        #expect(transcript.speakers.allSatisfy { $0.name != $0.id })
        #expect(transcript.document.id == (relative as NSString).lastPathComponent.replacingOccurrences(of: ".xml", with: ""))
    }

    @Test func chairIsModeratorAndPartyIsRead() throws {
        let path = try #require(SharedData.path("corpora/ParlaMint-NL/2017/ParlaMint-NL_2017-01-26-tweedekamer-4.xml"))
        let persons = try PersonListReader.read(
            SourceFile(contentsOf: try #require(SharedData.path("corpora/ParlaMint-NL/ParlaMint-NL-listPerson.xml"))))
        let transcript = try TEIReader().read(SourceFile(contentsOf: path), options: ReadOptions(persons: persons))
        let arib = try #require(transcript.speakers.first { $0.id == "KhadijaArib" })
        #expect(arib.name == "Khadija Arib")
        #expect(arib.role == .moderator)
        #expect(arib.attributes["party"] == "PvdA")
        #expect(transcript.utterances.map(\.speakerID) == ["KhadijaArib", "LeaBouwmeester", "KhadijaArib", "KhadijaArib"])
    }
}
