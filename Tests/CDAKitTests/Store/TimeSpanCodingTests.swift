import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// Time-span codings in the store: refusals, listing, counts, removal and undo, consolidation.
@Suite struct TimeSpanCodingTests {
    /// The fixture project with a 10-second recording linked to `cit` (80,000 bytes at 8,000 per second).
    static func project(_ folder: TemporaryDirectory) throws -> ProjectStore {
        let store = try CodingFixtures.project(in: folder)
        try store.linkMedia(documentID: "cit", file: folder.write("cit.wav", bytes: MediaFixtures.wav(bytes: 80_000)))
        return store
    }

    static func request(_ start: Int, _ end: Int, document: String = "cit", code: String = "gelach", coder: String = "a")
        -> TimeSpanCodingRequest
    {
        TimeSpanCodingRequest(
            span: TimeSpan(documentID: document, startMilliseconds: start, endMilliseconds: end), codeName: code, coder: coder)
    }

    @Test func aSpanIsStoredListedAndCounted() throws {
        let folder = TemporaryDirectory()
        let store = try Self.project(folder)
        let first = try store.addTimeSpanCoding(Self.request(1_500, 4_000))
        #expect(first.createdCode && !first.alreadyCoded && first.round == 1)
        let again = try store.addTimeSpanCoding(Self.request(1_500, 4_000))
        #expect(again.alreadyCoded && again.codingID == first.codingID)
        try store.addTimeSpanCoding(Self.request(1_500, 4_000, coder: "b"))  // same fragment, other coder
        try store.addTimeSpanCoding(Self.request(6_000, 10_000))  // ends exactly at the recording's end
        let listed = try store.timeSpanCodings(of: "cit")
        #expect(
            listed.map { [$0.span.startMilliseconds, $0.span.endMilliseconds] } == [[1_500, 4_000], [1_500, 4_000], [6_000, 10_000]])
        #expect(listed.map(\.coder) == ["a", "b", "a"])
        let gelach = try #require(try store.codes().first { $0.name == "gelach" })
        #expect(gelach.fragments == 2)  // two distinct spans
        #expect(gelach.codings == 3)
        #expect(gelach.speakers == 0)
    }

    @Test func badSpansAreRefusedWithReadableMessagesAndChangeNothing() throws {
        let folder = TemporaryDirectory()
        let store = try Self.project(folder)
        #expect(throws: TimeSpanError.emptySpan(TimeSpan(documentID: "cit", startMilliseconds: 3_000, endMilliseconds: 3_000))) {
            try store.addTimeSpanCoding(Self.request(3_000, 3_000))
        }
        #expect(throws: TimeSpanError.emptySpan(TimeSpan(documentID: "cit", startMilliseconds: 3_000, endMilliseconds: 2_000))) {
            try store.addTimeSpanCoding(Self.request(3_000, 2_000))
        }
        #expect(throws: TimeSpanError.negativeTime(field: "The start", milliseconds: -500)) {
            try store.addTimeSpanCoding(Self.request(-500, 2_000))
        }
        let beyond = TimeSpan(documentID: "cit", startMilliseconds: 9_000, endMilliseconds: 10_001)
        #expect(throws: TimeSpanError.beyondRecording(beyond, durationMilliseconds: 10_000)) {
            try store.addTimeSpanCoding(Self.request(9_000, 10_001))
        }
        #expect(throws: TimeSpanError.noRecording(documentID: "exp")) {
            try store.addTimeSpanCoding(Self.request(0, 1_000, document: "exp"))
        }
        #expect(throws: CorpusError.unknownDocument("ctt", suggestion: "cit")) {
            try store.addTimeSpanCoding(Self.request(0, 1_000, document: "ctt"))
        }
        #expect(throws: CodingError.unknownCode("gelch", suggestion: nil)) {
            try store.addTimeSpanCoding(Self.request(0, 1_000, code: "gelch"), allowNewCode: false)
        }
        #expect(try store.timeSpanCodings().isEmpty)
        #expect(try store.codes().isEmpty)
        #expect(
            TimeSpanError.beyondRecording(beyond, durationMilliseconds: 10_000).description
                == "The time span cit@00:09.000–00:10.001 runs past the end of the recording, which lasts 00:10.000 (10 s).")
        #expect(
            TimeSpanError.noRecording(documentID: "exp").description
                == "Document 'exp' has no linked recording, so a time span cannot be coded on it. Link one with 'cda media add exp FILE'.")
    }

    @Test func removalIsUndoneExactly() throws {
        let folder = TemporaryDirectory()
        let store = try Self.project(folder)
        try store.addTimeSpanCoding(
            TimeSpanCodingRequest(
                span: TimeSpan(documentID: "cit", startMilliseconds: 1_000, endMilliseconds: 2_000), codeName: "gelach", coder: "a",
                memo: "kort"))
        _ = try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "gelach", coder: "a"))
        let before = try store.dump()
        var filter = CodingFilter(documentID: "cit")
        filter.timeSpan = TimeSpan(documentID: "cit", startMilliseconds: 1_000, endMilliseconds: 2_000)
        let removal = try store.removeCodings(filter, actor: "a")
        #expect(removal.removed == 1)  // the text coding of cit:2 is not a time span
        #expect(try store.timeSpanCodings().isEmpty)
        _ = try store.undo(step: removal.step)
        #expect(try store.dump() == before)
        // A whole document's codings: text and time together, in one step.
        let all = try store.removeCodings(CodingFilter(documentID: "cit"), actor: "a")
        #expect(all.removed == 2)
        _ = try store.undo(step: all.step)
        #expect(try store.dump() == before)
    }

    @Test func mergeRenameAndRetireCarrySpansAndUndoRestoresThem() throws {
        let folder = TemporaryDirectory()
        let store = try Self.project(folder)
        try store.addTimeSpanCoding(Self.request(1_000, 2_000, code: "gelach"))
        try store.addTimeSpanCoding(
            TimeSpanCodingRequest(
                span: TimeSpan(documentID: "cit", startMilliseconds: 1_000, endMilliseconds: 2_000), codeName: "lachen", coder: "a",
                memo: "luid"))
        try store.addTimeSpanCoding(Self.request(3_000, 4_000, code: "lachen"))
        let before = try store.dump()
        let merge = try store.mergeCodes(["lachen"], into: "gelach", actor: "t")
        #expect(merge.movedCodings == 1 && merge.collapsedCodings == 1)
        let merged = try store.timeSpanCodings()
        #expect(merged.map(\.code) == ["gelach", "gelach"])
        #expect(merged.first?.memo == "luid")  // the twin's memo is kept
        let rename = try store.renameCode("gelach", to: "lach", actor: "t")
        #expect(try store.timeSpanCodings().map(\.code) == ["lach", "lach"])
        _ = try store.undo(step: rename.id)
        _ = try store.undo(step: merge.step)
        #expect(try store.dump() == before)
    }

    @Test func aStepRecordedBeforeTimeSpansExistedStillUndoes() throws {
        let folder = TemporaryDirectory()
        let store = try Self.project(folder)
        let step = try store.renameCode(
            try store.addCoding(CodingRequest(fragment: Fragment(documentID: "cit", startUtterance: 2), codeName: "a", coder: "x")).code,
            to: "b", actor: "t")
        // Rewrite the step's images as an older version wrote them: no time-span keys at all.
        try store.rewriteSnapshotForTesting(step.id) { json in
            var object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            var scope = try #require(object["scope"] as? [String: Any])
            scope.removeValue(forKey: "timeSpanCodingIDs")
            object["scope"] = scope
            for key in ["before", "after"] {
                var image = try #require(object[key] as? [String: Any])
                image.removeValue(forKey: "timeSpanCodings")
                object[key] = image
            }
            return try JSONSerialization.data(withJSONObject: object)
        }
        _ = try store.undo(step: step.id)
        #expect(try store.codes().map(\.name) == ["a"])
    }
}
