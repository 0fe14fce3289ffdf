import Foundation
import Testing

@testable import CDAKit

/// The duration readers on recordings built byte by byte here, one container at a time; each
/// expected duration is worked out by hand in the comment beside it.
@Suite struct MediaHeaderTests {
    // MARK: byte builders

    static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func le(_ value: UInt64, _ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }

    static func be(_ value: UInt64, _ count: Int) -> [UInt8] { le(value, count).reversed() }

    static func riffChunk(_ id: String, _ data: [UInt8], declaredSize: UInt64? = nil) -> [UInt8] {
        ascii(id) + le(declaredSize ?? UInt64(data.count), 4) + data + (data.count % 2 == 1 ? [0] : [])
    }

    /// PCM `fmt ` data: format 1, channels, rate, bytes per second, block align, bits.
    static func pcmFormat(channels: UInt64, rate: UInt64, bits: UInt64) -> [UInt8] {
        let align = channels * bits / 8
        return le(1, 2) + le(channels, 2) + le(rate, 4) + le(rate * align, 4) + le(align, 2) + le(bits, 2)
    }

    static func wav(_ chunks: [UInt8]) -> [UInt8] { ascii("RIFF") + le(UInt64(4 + chunks.count), 4) + ascii("WAVE") + chunks }

    static func box(_ type: String, _ content: [UInt8]) -> [UInt8] { be(UInt64(8 + content.count), 4) + ascii(type) + content }

    static func handlerBox(_ handler: String) -> [UInt8] {
        box("hdlr", le(0, 4) + le(0, 4) + ascii(handler) + [UInt8](repeating: 0, count: 13))
    }

    static func oggPage(granule: UInt64, serial: UInt64, sequence: UInt64, _ data: [UInt8], type: UInt8 = 0) -> [UInt8] {
        precondition(data.count < 255)
        return ascii("OggS") + [0, type] + le(granule, 8) + le(serial, 4) + le(sequence, 4) + le(0, 4) + [1, UInt8(data.count)] + data
    }

    /// An EBML element; ids are written with their marker bits, sizes as one- or eight-byte integers.
    static func ebml(_ id: UInt64, _ data: [UInt8], longSize: Bool = false) -> [UInt8] {
        let idBytes = be(id, (64 - id.leadingZeroBitCount + 7) / 8)
        let size = longSize ? [0x01] + be(UInt64(data.count), 7) : [0x80 | UInt8(data.count)]
        return idBytes + size + data
    }

    static func read(_ bytes: [UInt8], _ file: String = "test.bin") throws -> MediaInfo { try MediaInfo.read(bytes: bytes, file: file) }

    // MARK: WAV

    @Test func wavDurationIsDataBytesOverBytesPerSecond() throws {
        // 8 kHz mono 16-bit: 16,000 bytes per second; 24,000 data bytes → 1.5 s. A LIST chunk of 3
        // bytes (padded to 4) comes first.
        let file = Self.wav(
            Self.riffChunk("fmt ", Self.pcmFormat(channels: 1, rate: 8000, bits: 16)) + Self.riffChunk("LIST", [1, 2, 3])
                + Self.riffChunk("data", [UInt8](repeating: 0, count: 24_000)))
        #expect(try Self.read(file) == MediaInfo(format: .wav, kind: .audio, duration: 1.5))
    }

    @Test func wavWithAStreamingSizeCountsTheBytesPresent() throws {
        // 44.1 kHz stereo 16-bit: 176,400 bytes per second; size 0xFFFFFFFF but 44,100 bytes → 0.25 s.
        let file = Self.wav(
            Self.riffChunk("fmt ", Self.pcmFormat(channels: 2, rate: 44_100, bits: 16))
                + Self.riffChunk("data", [UInt8](repeating: 0, count: 44_100), declaredSize: 0xFFFF_FFFF))
        #expect(try Self.read(file).duration == 0.25)
    }

    @Test func wavWithoutDataIsRefusedNamingTheFile() throws {
        let file = Self.wav(Self.riffChunk("fmt ", Self.pcmFormat(channels: 1, rate: 8000, bits: 8)))
        #expect(throws: MediaError.malformed(file: "interview.wav", format: .wav, detail: "no 'data' chunk")) {
            try Self.read(file, "interview.wav")
        }
    }

    // MARK: MP3

    @Test func constantBitRateMP3CountsTheAudioBytes() throws {
        // ID3v2 tag of 20 bytes, then MPEG-1 Layer III at 128 kbit/s, 44.1 kHz (FF FB 90 00); 16,000
        // bytes from the first frame → 16,000 × 8 / 128,000 = 1.0 s; the 128-byte ID3v1 tag at
        // the end is not audio.
        let id3 = Self.ascii("ID3") + [3, 0, 0, 0, 0, 0, 20] + [UInt8](repeating: 0, count: 20)
        let audio = [0xFF, 0xFB, 0x90, 0x00] + [UInt8](repeating: 0, count: 15_996)
        let tag = Self.ascii("TAG") + [UInt8](repeating: 0x20, count: 125)
        #expect(try Self.read(id3 + audio + tag) == MediaInfo(format: .mp3, kind: .audio, duration: 1.0))
    }

    @Test func xingHeaderGivesTheFrameCount() throws {
        // MPEG-1 Layer III, 48 kHz, stereo (FF FB 94 00): the Xing tag sits 4 + 32 bytes in; 125
        // frames × 1,152 samples ÷ 48,000 = 3.0 s, whatever the file's size.
        let frame =
            [0xFF, 0xFB, 0x94, 0x00] + [UInt8](repeating: 0, count: 32) + Self.ascii("Xing") + Self.be(1, 4) + Self.be(125, 4)
            + [UInt8](repeating: 0, count: 300)
        #expect(try Self.read(frame).duration == 3.0)
    }

    @Test func infoHeaderOfMonoMPEG2() throws {
        // MPEG-2 Layer III, 22,050 Hz, 64 kbit/s, mono (FF F3 80 C0): side information is 9 bytes,
        // so "Info" sits at 13; 441 frames × 576 samples ÷ 22,050 = 11.52 s.
        let frame =
            [0xFF, 0xF3, 0x80, 0xC0] + [UInt8](repeating: 0, count: 9) + Self.ascii("Info") + Self.be(1, 4) + Self.be(441, 4)
            + [UInt8](repeating: 0, count: 100)
        #expect(try Self.read(frame).duration == 11.52)
    }

    @Test func vbriHeaderGivesTheFrameCount() throws {
        // MPEG-1 Layer III, 32 kHz (FF FB 98 00); VBRI at 36: version, delay, quality, bytes, then
        // 50 frames × 1,152 ÷ 32,000 = 1.8 s.
        let frame =
            [0xFF, 0xFB, 0x98, 0x00] + [UInt8](repeating: 0, count: 32) + Self.ascii("VBRI") + Self.be(1, 2) + Self.be(0, 2)
            + Self.be(75, 2) + Self.be(9000, 4) + Self.be(50, 4) + [UInt8](repeating: 0, count: 100)
        #expect(try Self.read(frame).duration == 1.8)
    }

    @Test func mp3WithoutAFrameIsRefused() throws {
        let id3 = Self.ascii("ID3") + [3, 0, 0, 0, 0, 0, 4] + [0, 0, 0, 0] + Self.ascii("no frames here")
        #expect(
            throws: MediaError.malformed(file: "talk.mp3", format: .mp3, detail: "no MPEG audio frame in the first 64 KB after the tags")
        ) { try Self.read(id3, "talk.mp3") }
    }

    // MARK: MP4

    @Test func m4aDurationIsMovieHeaderDurationOverTimescale() throws {
        // mvhd version 0: timescale 44,100, duration 132,300 → 3.0 s; the one track is sound.
        let mvhd = Self.box(
            "mvhd",
            Self.be(0, 4) + Self.be(0, 4) + Self.be(0, 4) + Self.be(44_100, 4) + Self.be(132_300, 4) + [UInt8](repeating: 0, count: 80))
        let track = Self.box("trak", Self.box("mdia", Self.handlerBox("soun")))
        let file = Self.box("ftyp", Self.ascii("M4A ") + Self.be(0, 4)) + Self.box("moov", mvhd + track)
        #expect(try Self.read(file) == MediaInfo(format: .mp4, kind: .audio, duration: 3.0))
    }

    @Test func mp4WithMovieAtTheEndAndWideFields() throws {
        // A 64-bit-sized mdat first, then moov with mvhd version 1: timescale 1,000, duration
        // 90,500 → 90.5 s; a track with a video handler.
        let mdat = Self.be(1, 4) + Self.ascii("mdat") + Self.be(16 + 40, 8) + [UInt8](repeating: 7, count: 40)
        let mvhd = Self.box(
            "mvhd", [1, 0, 0, 0] + Self.be(0, 8) + Self.be(0, 8) + Self.be(1000, 4) + Self.be(90_500, 8) + [UInt8](repeating: 0, count: 80))
        let tracks =
            Self.box("trak", Self.box("mdia", Self.handlerBox("soun"))) + Self.box("trak", Self.box("mdia", Self.handlerBox("vide")))
        let file = Self.box("ftyp", Self.ascii("isom") + Self.be(0, 4)) + mdat + Self.box("moov", mvhd + tracks)
        #expect(try Self.read(file) == MediaInfo(format: .mp4, kind: .video, duration: 90.5))
    }

    @Test func mp4WithoutMovieOrWithABadBoxIsRefused() throws {
        let ftyp = Self.box("ftyp", Self.ascii("isom") + Self.be(0, 4))
        #expect(throws: MediaError.malformed(file: "a.mp4", format: .mp4, detail: "no 'moov' box (the file may be incomplete)")) {
            try Self.read(ftyp + Self.box("free", [0, 0]), "a.mp4")
        }
        #expect(throws: MediaError.malformed(file: "b.mp4", format: .mp4, detail: "the 'moov' box at byte 16 claims 999 bytes")) {
            try Self.read(ftyp + Self.be(999, 4) + Self.ascii("moov"), "b.mp4")
        }
    }

    // MARK: Ogg

    @Test func opusDurationIsLastGranuleMinusPreSkipAt48kHz() throws {
        // OpusHead: pre-skip 312; last page of the stream at granule 96,312 → 96,000 ÷ 48,000 =
        // 2.0 s. A page of another stream (serial 9) after it is ignored.
        let head = Self.ascii("OpusHead") + [1, 2] + Self.le(312, 2) + Self.le(48_000, 4) + [0, 0, 0]
        let file =
            Self.oggPage(granule: 0, serial: 5, sequence: 0, head, type: 2)
            + Self.oggPage(granule: 50_000, serial: 5, sequence: 1, [1, 2, 3])
            + Self.oggPage(granule: 96_312, serial: 5, sequence: 2, [4, 5], type: 4)
            + Self.oggPage(granule: 999_999, serial: 9, sequence: 0, [6])
        #expect(try Self.read(file) == MediaInfo(format: .ogg, kind: .audio, duration: 2.0))
    }

    @Test func vorbisDurationIsLastGranuleOverSampleRate() throws {
        // Vorbis identification header at 22,050 Hz; the last page with a granule has 77,175 →
        // 3.5 s; a final page without one (granule -1) is passed over.
        let identification = [1] + Self.ascii("vorbis") + Self.le(0, 4) + [1] + Self.le(22_050, 4) + [UInt8](repeating: 0, count: 14)
        let file =
            Self.oggPage(granule: 0, serial: 1, sequence: 0, identification, type: 2)
            + Self.oggPage(granule: 77_175, serial: 1, sequence: 1, [1])
            + Self.oggPage(granule: UInt64.max, serial: 1, sequence: 2, [2])
        #expect(try Self.read(file).duration == 3.5)
    }

    @Test func oggWithAnotherCodecIsRefused() throws {
        let file = Self.oggPage(granule: 0, serial: 1, sequence: 0, [0x7F] + Self.ascii("FLAC") + [UInt8](repeating: 0, count: 20), type: 2)
        #expect(throws: MediaError.malformed(file: "x.ogg", format: .ogg, detail: "the first stream is neither Vorbis nor Opus")) {
            try Self.read(file, "x.ogg")
        }
    }

    // MARK: WebM / Matroska

    static let ebmlHeader = ebml(0x1A45_DFA3, ebml(0x4282, ascii("webm")))

    @Test func webmDurationIsDurationTimesTimecodeScale() throws {
        // TimecodeScale 1,000,000 ns, Duration 2,500.0 (64-bit float) → 2.5 s; a video track.
        let info = Self.ebml(0x1549_A966, Self.ebml(0x2A_D7B1, Self.be(1_000_000, 3)) + Self.ebml(0x4489, Self.be(2500.0.bitPattern, 8)))
        let tracks = Self.ebml(0x1654_AE6B, Self.ebml(0xAE, Self.ebml(0xD7, [1]) + Self.ebml(0x83, [1])))
        let file = Self.ebmlHeader + Self.ebml(0x1853_8067, Self.ebml(0x114D_9B74, [0xEC, 0x80]) + info + tracks, longSize: true)
        #expect(try Self.read(file) == MediaInfo(format: .matroska, kind: .video, duration: 2.5))
    }

    @Test func liveSegmentWithFloatDurationAndOwnScale() throws {
        // A Segment of unknown size; TimecodeScale 500,000 ns and Duration 3,000.0 as a 32-bit
        // float → 1.5 s; an audio track, then a Cluster of unknown size.
        let info = Self.ebml(
            0x1549_A966, Self.ebml(0x2A_D7B1, Self.be(500_000, 3)) + Self.ebml(0x4489, Self.be(UInt64(Float(3000).bitPattern), 4)))
        let tracks = Self.ebml(0x1654_AE6B, Self.ebml(0xAE, Self.ebml(0x83, [2])))
        let cluster = Self.be(0x1F43_B675, 4) + [0xFF] + [UInt8](repeating: 0, count: 20)
        let file = Self.ebmlHeader + Self.be(0x1853_8067, 4) + [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] + info + tracks + cluster
        #expect(try Self.read(file) == MediaInfo(format: .matroska, kind: .audio, duration: 1.5))
    }

    @Test func matroskaWithoutDurationIsRefused() throws {
        let info = Self.ebml(0x1549_A966, Self.ebml(0x2A_D7B1, Self.be(1_000_000, 3)))
        let file = Self.ebmlHeader + Self.ebml(0x1853_8067, info)
        let error = #expect(throws: MediaError.self) { try Self.read(file, "live.webm") }
        #expect(
            error?.description
                == "live.webm: a damaged or unusual WebM/Matroska file: the Segment Info gives no Duration (a live recording?)")
    }

    // MARK: recognition

    @Test func otherFilesAreNotRecordings() throws {
        #expect(throws: MediaError.unknownFormat(file: "notes.txt")) { try Self.read(Self.ascii("Dit is geen opname.\n"), "notes.txt") }
        #expect(throws: MediaError.unknownFormat(file: "empty.wav")) { try Self.read([], "empty.wav") }
    }

    @Test func filesAreReadFromDiskWithoutLoadingThemWhole() throws {
        let folder = NSTemporaryDirectory() + "cda-media-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/a.wav"
        let bytes = Self.wav(
            Self.riffChunk("fmt ", Self.pcmFormat(channels: 1, rate: 8000, bits: 8))
                + Self.riffChunk("data", [UInt8](repeating: 0, count: 2000)))
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        #expect(try MediaInfo.read(path: path, file: "a.wav").duration == 0.25)
        #expect(throws: MediaError.unreadable(file: "missing.wav", reason: "no such file")) {
            try MediaInfo.read(path: folder + "/missing.wav", file: "missing.wav")
        }
    }
}
