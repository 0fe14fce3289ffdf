import CDAKit
import CDATestSupport
import Foundation
import Testing

/// A code's colour chosen by the analyst: checked, stored, undoable, exported.
@Suite struct CodeColorTests {
    @Test func coloursAreStoredAsLowercaseSixDigits() throws {
        #expect(try CodeColor.validated("#ABC") == "#aabbcc")
        #expect(try CodeColor.validated(" #2B6CB0 ") == "#2b6cb0")
        for bad in ["red", "#12345", "#ggg", "", "#", "2b6cb0", "#2b6cb0ff"] {
            #expect(throws: CodingError.invalidColor(bad)) { try CodeColor.validated(bad) }
        }
        #expect(
            CodingError.invalidColor("red").description
                == "'red' is not a colour; give it as #rrggbb (six hexadecimal digits, such as #2b6cb0) or #rgb.")
    }

    @Test func aColourIsAnUndoableStepAndReachesTheExport() throws {
        let folder = TemporaryDirectory()
        let store = try CodingFixtures.project(in: folder)
        let fragment = Fragment(documentID: "cit", startUtterance: 2, startOffset: nil, endUtterance: nil, endOffset: nil)
        _ = try store.addCoding(CodingRequest(fragment: fragment, codeName: "loket", coder: "anna"))
        let before = try #require(try store.codes().first { $0.name == "loket" }?.color)
        let step = try store.setCodeColor("loket", to: "#C0FFEE", actor: "anna")
        #expect(step.kind == .recolor)
        #expect(step.summary == "coloured 'loket' #c0ffee")
        #expect(try store.codes().first { $0.name == "loket" }?.color == "#c0ffee")
        _ = try REFIExchange.exportProject(store, to: folder.file("p.qdpx"), schemas: nil)
        let archive = try ExchangeRoundTripTests.contents(of: folder.file("p.qdpx")).qde
        #expect(archive.contains("name=\"loket\" isCodable=\"true\" color=\"#c0ffee\""))
        _ = try store.undo()
        #expect(try store.codes().first { $0.name == "loket" }?.color == before)
        #expect(throws: CodingError.invalidColor("blue")) { try store.setCodeColor("loket", to: "blue", actor: "anna") }
        #expect(throws: CodingError.self) { try store.setCodeColor("onbekend", to: "#000", actor: "anna") }
    }
}
