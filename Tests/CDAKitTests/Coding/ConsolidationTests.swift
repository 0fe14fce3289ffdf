import CDATestSupport
import Testing

@testable import CDAKit

@Suite struct ConsolidationTests {
    private func code(
        _ store: ProjectStore, _ document: String, _ utterance: Int, _ name: String, coder: String = "a", start: Int? = nil, end: Int? = nil
    ) throws {
        _ = try store.addCoding(
            CodingRequest(
                fragment: Fragment(documentID: document, startUtterance: utterance, startOffset: start, endOffset: end), codeName: name,
                coder: coder))
    }

    /// A project with overlapping round-1 codes, themes loaded and a mapping.
    private func codedProject(_ folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try CodingFixtures.project(in: folder)
        try code(store, "cit", 3, "china schrikbeeld")
        try code(store, "cit", 3, "China als schrikbeeld")
        try code(store, "cit", 4, "china schrikbeeld")
        try code(store, "cit", 4, "wij-zij")
        try code(store, "cit", 2, "China als schrikbeeld", coder: "b")
        try code(store, "exp", 2, "publieke waarde")
        try code(store, "exp", 2, "publieke waarden")
        try code(store, "exp", 3, "mattheüseffect")
        _ = try store.loadCodebook(Codebook.parse(CodingFixtures.codebook), actor: "a")
        try store.mapCode("china schrikbeeld", toTheme: "china-image", actor: "a")
        return store
    }

    @Test func mergeMovesCodingsCollapsesTwinsAndFollowsMappings() throws {
        let folder = TemporaryDirectory()
        let store = try codedProject(folder)
        let result = try store.mergeCodes(
            ["China als schrikbeeld", "china schrikbeeld"], into: "china als dystopie", reason: "zelfde", actor: "a")
        #expect(result.createdTarget)
        #expect(result.merged == ["China als schrikbeeld", "china schrikbeeld"])
        // cit:3 by a is on both codes: the second copy collapses into the first.
        #expect(result.movedCodings == 3)
        #expect(result.collapsedCodings == 1)
        let target = try #require(try store.codes().first { $0.name == "china als dystopie" })
        #expect(target.codings == 3)
        #expect(target.fragments == 3)
        #expect(target.themes == ["china-image"])
        let merged = try store.codes().filter { $0.status == .merged }
        #expect(merged.map(\.name) == ["China als schrikbeeld", "china schrikbeeld"])
        #expect(merged.allSatisfy { $0.mergedInto == "china als dystopie" && $0.codings == 0 })
        let lineage = try #require(try store.lineage().first { $0.code == "china als dystopie" })
        #expect(lineage.merged.map(\.name).sorted() == ["China als schrikbeeld", "china schrikbeeld"])
        // A later coding on a merged code's name lands on the target.
        try code(store, "cit", 5, "china schrikbeeld")
        #expect(try store.codes().first { $0.name == "china als dystopie" }?.codings == 4)
    }

    @Test(arguments: [
        "rename", "merge", "mergeIntoExisting", "move", "moveUnderNew", "retire", "split", "reassign", "map", "unmap", "remove",
    ])
    func undoRestoresTheExactPreviousState(step: String) throws {
        let folder = TemporaryDirectory()
        let store = try codedProject(folder)
        try store.moveCode("wij-zij", under: "positionering", actor: "a")
        let before = try store.dump()
        let historyBefore = try store.history().count
        switch step {
        case "rename": try store.renameCode("wij-zij", to: "wij versus zij", actor: "a")
        case "merge":
            _ = try store.mergeCodes(["publieke waarde", "publieke waarden"], into: "publieke waarden (samengevoegd)", actor: "a")
        case "mergeIntoExisting":
            _ = try store.mergeCodes(
                ["China als schrikbeeld", "china schrikbeeld", "positionering"], into: "china schrikbeeld", actor: "a")
        case "move": try store.moveCode("wij-zij", under: nil, actor: "a")
        case "moveUnderNew": try store.moveCode("mattheüseffect", under: "ongelijkheid", actor: "a")
        case "retire": try store.retireCode("mattheüseffect", actor: "a")
        case "split": _ = try store.splitCode("wij-zij", into: ["wij", "zij"], actor: "a")
        case "reassign":
            let id = try #require(try store.splitCode("wij-zij", into: ["wij"], actor: "a").codingsToReassign.first)
            let afterSplit = try store.dump()
            try store.reassignCoding(id, to: "wij", actor: "a")
            #expect(try store.dump() != afterSplit)
            _ = try store.undo()
            #expect(try store.dump() == afterSplit)
        case "map": try store.mapCode("wij-zij", toTheme: "china-image", actor: "a")
        case "unmap": try store.unmapCode("china schrikbeeld", fromTheme: "china-image", actor: "a")
        default: _ = try store.removeCodings(CodingFilter(documentID: "cit"), actor: "a")
        }
        #expect(try store.dump() != before)
        _ = try store.undo()
        #expect(try store.dump() == before)
        #expect(try store.history().count == historyBefore + (step == "reassign" ? 2 : 1))
        #expect(try store.history().last?.undoneAt != nil)
    }

    @Test func undoWalksBackThroughSeveralSteps() throws {
        let folder = TemporaryDirectory()
        let store = try codedProject(folder)
        let start = try store.dump()
        try store.renameCode("wij-zij", to: "wij/zij", actor: "a")
        _ = try store.mergeCodes(["publieke waarde", "publieke waarden"], into: "publieke waarden", actor: "a")
        try store.moveCode("publieke waarden", under: "waarden", actor: "a")
        for _ in 0..<3 { _ = try store.undo() }
        #expect(try store.dump() == start)
        // The mapping made before the history was recorded is not a step: nothing left but it.
        _ = try store.undo()
        #expect(throws: CodingError.nothingToUndo) { try store.undo() }
    }

    @Test func undoRefusesWhenLaterWorkWouldBeLost() throws {
        let folder = TemporaryDirectory()
        let store = try codedProject(folder)
        _ = try store.mergeCodes(["publieke waarde", "publieke waarden"], into: "publieke waarden", actor: "a")
        try code(store, "exp", 4, "publieke waarden")
        #expect(throws: CodingError.undoConflict(step: "merged 'publieke waarde' into 'publieke waarden'")) { try store.undo() }
    }

    @Test func undoOfANamedStepRefusesWhenALaterStepCameFirst() throws {
        let folder = TemporaryDirectory()
        let store = try codedProject(folder)
        let colleague = try ProjectStore.open(at: store.path)
        let mine = try store.renameCode("wij-zij", to: "wij/zij", actor: "anna")
        let theirs = try colleague.renameCode("mattheüseffect", to: "matteüs-effect", actor: "bo")
        let before = try store.dump()
        #expect(
            throws: CodingError.stepNotLatest(
                id: mine.id, summary: "renamed 'wij-zij' to 'wij/zij'", latestID: theirs.id,
                latestSummary: "renamed 'mattheüseffect' to 'matteüs-effect'", latestActor: "bo")
        ) {
            try store.undo(step: mine.id)
        }
        #expect(try store.dump() == before)
        #expect(try store.undo(step: theirs.id).id == theirs.id)
        #expect(try store.undo(step: mine.id).id == mine.id)
        #expect(throws: CodingError.stepAlreadyUndone(id: mine.id, summary: "renamed 'wij-zij' to 'wij/zij'")) {
            try store.undo(step: mine.id)
        }
        #expect(throws: CodingError.unknownStep(9999)) { try store.undo(step: 9999) }
        #expect(try store.codes().map(\.name).contains("wij-zij"))
    }

    @Test func everyStepReportsItsIdForUndo() throws {
        let folder = TemporaryDirectory()
        let store = try codedProject(folder)
        let merge = try store.mergeCodes(["publieke waarde"], into: "publieke waarden", actor: "a")
        #expect(merge.step == (try store.history().last?.id))
        #expect(try store.previewMerge(["wij-zij"], into: "wij").result.step == nil)
        let split = try store.splitCode("wij-zij", into: ["wij", "zij"], actor: "a")
        #expect(split.step == (try store.history().last?.id))
        let removal = try store.removeCodings(CodingFilter(documentID: "exp"), actor: "a")
        #expect(removal.removed == 2)
        #expect(removal.step == (try store.history().last?.id))
        #expect(try store.undo(step: removal.step).kind == .remove)
        #expect(try store.undo(step: split.step).kind == .split)
        #expect(try store.undo(step: merge.step).kind == .merge)
    }

    @Test func renameKeepsFormerNamesInLineage() throws {
        let folder = TemporaryDirectory()
        let store = try codedProject(folder)
        try store.renameCode("wij-zij", to: "wij versus zij", actor: "a")
        #expect(try store.lineage().first { $0.code == "wij versus zij" }?.formerNames == ["wij-zij"])
        #expect(throws: CodingError.codeExists("publieke waarden")) {
            try store.renameCode("publieke waarde", to: "publieke waarden", actor: "a")
        }
        #expect(throws: CodingError.unknownCode("wij-zij", suggestion: nil)) { try store.renameCode("wij-zij", to: "x", actor: "a") }
    }

    @Test func moveRefusesCycles() throws {
        let folder = TemporaryDirectory()
        let store = try codedProject(folder)
        try store.moveCode("wij-zij", under: "positionering", actor: "a")
        #expect(throws: CodingError.cycle(code: "positionering", parent: "wij-zij")) {
            try store.moveCode("positionering", under: "wij-zij", actor: "a")
        }
        #expect(try store.codes().first { $0.name == "wij-zij" }?.parent == "positionering")
    }

    @Test func mergeSuggestionsRankNearDuplicatesFirst() throws {
        let folder = TemporaryDirectory()
        let store = try codedProject(folder)
        let suggestions = try store.mergeSuggestions()
        let pairs = suggestions.map { [$0.first, $0.second] }
        #expect(pairs.prefix(2).contains(["China als schrikbeeld", "china schrikbeeld"]))
        #expect(pairs.prefix(2).contains(["publieke waarde", "publieke waarden"]))
        let china = try #require(suggestions.first { $0.first == "China als schrikbeeld" })
        #expect(china.reasons.first == "same words apart from function words")
        // cit:3 and cit:4 are coded with 'china schrikbeeld'; cit:2 and cit:3 with the other: 1 shared of 3.
        #expect(abs(china.fragmentOverlap - 1.0 / 3.0) < 1e-12)
        #expect(!pairs.contains(["mattheüseffect", "wij-zij"]))
    }
}
