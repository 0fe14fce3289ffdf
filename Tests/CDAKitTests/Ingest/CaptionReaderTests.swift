import CDAKit
import CDATestSupport
import Testing

@Suite struct CaptionReaderTests {
    @Test func vttVoicesAndJoinedCues() throws {
        let transcript = try CaptionReader(format: .vtt).read(SourceFile(path: "c.vtt", bytes: Array(Fixtures.vtt.utf8)), options: ReadOptions())
        #expect(transcript.utterances.map(\.speakerID) == ["GL", "P01"])
        #expect(transcript.utterances.map(\.text) == ["Goedemiddag.", "Ik denk dat het kan."])
        #expect(transcript.utterances[1].start == 4)
        #expect(transcript.utterances[1].end == 8.25)
        #expect(transcript.document.id == "c")
    }

    @Test func srtWithPrefixesAndCRLF() throws {
        let transcript = try CaptionReader(format: .srt).read(SourceFile(path: "c.srt", bytes: Array(Fixtures.srt.utf8)), options: ReadOptions())
        #expect(transcript.utterances.map(\.speakerID) == ["P01", "P02"])
        #expect(transcript.utterances.map(\.text) == ["Eerste zin.", "Tweede zin."])
        #expect(transcript.utterances.map(\.start) == [1, 3])
        #expect(transcript.utterances.map(\.end) == [2.5, 4])
    }

    @Test func vttWithoutHeaderIsRejected() {
        #expect(throws: IngestError.self) {
            try CaptionReader(format: .vtt).read(SourceFile(path: "c.vtt", bytes: Array("00:00:01.000 --> 00:00:02.000\nx\n".utf8)), options: ReadOptions())
        }
    }

    @Test func badCueTimeNamesLine() {
        let text = "WEBVTT\n\n00:00:01.000 --> 00:0x:02.000\nHallo\n"
        #expect(throws: IngestError.invalidTime(SourceLocation(file: "c.vtt", line: 3, column: 1), value: "00:0x:02.000")) {
            try CaptionReader(format: .vtt).read(SourceFile(path: "c.vtt", bytes: Array(text.utf8)), options: ReadOptions())
        }
    }
}
