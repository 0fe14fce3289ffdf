import CDATestSupport
import Testing

@testable import CDAKit

@Suite struct MergePreviewTests {
    private func project(_ folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try CodingFixtures.project(in: folder)
        for (utterance, name, coder) in [
            (3, "china schrikbeeld", "a"), (3, "China als schrikbeeld", "a"), (4, "china schrikbeeld", "a"),
            (2, "China als schrikbeeld", "b"), (5, "contact", "a"),
        ] {
            _ = try store.addCoding(
                CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: utterance), codeName: name, coder: coder))
        }
        return store
    }

    @Test(arguments: [
        (["China als schrikbeeld", "china schrikbeeld"], "china als dystopie"),
        (["China als schrikbeeld"], "china schrikbeeld"),
        (["china schrikbeeld", "contact"], "contact"),
    ])
    func previewEqualsTheMergeAndChangesNothing(sources: [String], target: String) throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        let before = try store.dump()
        let historyBefore = try store.history().count
        let preview = try store.previewMerge(sources, into: target)
        #expect(try store.dump() == before)
        #expect(try store.history().count == historyBefore)
        let targetBefore = try store.codes().first { $0.name == target && $0.status == .active }?.fragments ?? 0
        let result = try store.mergeCodes(sources, into: target, actor: "a")
        #expect(preview.result.step == nil)  // a preview records no step
        var recorded = preview.result
        recorded.step = result.step
        #expect(recorded == result)
        #expect(preview.targetFragmentsBefore == targetBefore)
        #expect(preview.targetFragmentsAfter == (try store.codes().first { $0.name == result.target && $0.status == .active }?.fragments))
        #expect(preview.fragmentsMoving == preview.targetFragmentsAfter - preview.targetFragmentsBefore)
    }

    @Test func twinsOnTheTargetDoNotCountAsMoving() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        // cit:3 is on both codes (coder a): it collapses, so only cit:2 moves.
        let preview = try store.previewMerge(["China als schrikbeeld"], into: "china schrikbeeld")
        #expect(preview.sourceFragments == 2)
        #expect(preview.targetFragmentsBefore == 2)
        #expect(preview.targetFragmentsAfter == 3)
        #expect(preview.fragmentsMoving == 1)
        #expect(preview.result.collapsedCodings == 1)
        #expect(preview.result.movedCodings == 1)
    }

    @Test func previewRefusesWhatTheMergeRefuses() throws {
        let folder = TemporaryDirectory()
        let store = try project(folder)
        #expect(throws: CodingError.nothingToMerge) { try store.previewMerge(["contact"], into: "contact") }
        #expect(throws: CodingError.self) { try store.previewMerge(["bestaat niet"], into: "contact") }
    }
}
