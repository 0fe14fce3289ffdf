import CDATestSupport
import Testing

@testable import CDAKit

/// Utterance times as the store shows them: an utterance without an end ends where the next starts.
@Suite struct UtteranceTimesTests {
    @Test func anUtteranceWithoutAnEndTakesTheNextStart() throws {
        let folder = TemporaryDirectory()
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let transcript = try PlainTextReader().read(
            SourceFile(path: "s.txt", bytes: Array(Fixtures.plainText.utf8)), options: ReadOptions())
        #expect(transcript.utterances.map(\.end) == [nil, nil, nil, nil])
        _ = try store.save(transcript, replace: false)
        let id = transcript.document.id
        let views = try store.utterances(of: id)
        #expect(views.map(\.start) == [5, 70, 62, nil])
        // The second's next starts before it (62 < 70), the third's next has no time, the last has
        // no next.
        #expect(views.map(\.end) == [70, nil, nil, nil])
        // Within a range, the next utterance past its end still counts.
        #expect(try store.utterances(of: id, in: 1...1).map(\.end) == [70])
        #expect(try store.utterances(of: id, in: 4...Int.max).map(\.end) == [nil])
    }
}
