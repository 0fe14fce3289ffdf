import CDAKit
import CDATestSupport
import Foundation
import Testing

/// The instruments compare by any document or speaker attribute, and refuse groups that do not exist.
/// Words on `DynamicsFixtures`: young (A, C) 12 + 6 = 18, old (B, S) 8 + 0 = 8.
@Suite struct GroupingByAttributeTests {
    @Test func keynessComparesAgeGroups() throws {
        let folder = TemporaryDirectory()
        let store = try DynamicsFixtures.project(in: folder)
        let result = try Keyness.compare(
            target: "young", reference: "old", in: store, scope: TextScope(by: "agegroup"), minimumFrequency: 1)
        #expect((result.targetTokens, result.referenceTokens) == (18, 8))
        // "camera's" is said once by B (old) and never by A or C.
        #expect(result.referenceKeywords.contains { $0.item == "camera's" && $0.frequency == 0 && $0.referenceFrequency == 1 })
    }

    @Test func anUnknownGroupListsTheGroupsThereAre() throws {
        let folder = TemporaryDirectory()
        let store = try DynamicsFixtures.project(in: folder)
        #expect(throws: AnalysisError.unknownGroup("middle", attribute: "agegroup", groups: ["old", "young"])) {
            try Keyness.compare(target: "young", reference: "middle", in: store, scope: TextScope(by: "agegroup"))
        }
        #expect(throws: AnalysisError.unknownGroup("citizen", attribute: "group", groups: ["citizens", "experts"])) {
            try Collocations.find(node: "camera*", in: store, scope: TextScope(group: "citizen"))
        }
        #expect(throws: AnalysisError.unknownAttribute("party", known: ["agegroup", "group"])) {
            try Positioning.measure(in: store, scope: TextScope(by: "party"))
        }
        #expect(
            AnalysisError.unknownGroup("x", attribute: "group", groups: ["citizens", "experts"]).description
                == "Unknown group 'x' for 'group'. The groups are: 'citizens', 'experts'.")
    }

    @Test func positioningAndCollocatesFollowTheAttribute() throws {
        let folder = TemporaryDirectory()
        let store = try DynamicsFixtures.project(in: folder)
        let rows = try Positioning.measure(in: store, scope: TextScope(by: "agegroup")).filter { $0.theme == "all" }
        #expect(rows.map(\.group) == ["old", "young"])
        #expect(rows.map(\.words) == [8, 18])
        let collocates = try Collocations.find(
            node: "camera*", in: store, scope: TextScope(by: "agegroup", group: "old"), minimumObserved: 1)
        #expect(collocates.map(\.word).sorted() == ["die", "eng", "zijn"])
    }
}
