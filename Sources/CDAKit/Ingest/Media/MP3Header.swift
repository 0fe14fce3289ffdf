/// The duration of an MPEG audio file (MP3): the frame count of a Xing/Info or VBRI header when the
/// first frame has one (variable bit rate), else the audio bytes ÷ the first frame's bit rate.
enum MP3Header {
    /// How far past the ID3 tag a first frame is looked for.
    static let searchLimit = 64 * 1024

    /// One MPEG audio frame header (ISO/IEC 11172-3 and 13818-3, with the MPEG 2.5 extension).
    struct FrameHeader: Hashable {
        /// Bits per second.
        var bitRate: Int
        var sampleRate: Int
        var samplesPerFrame: Int
        /// Bytes from the frame's start to its Xing/Info tag (after the side information).
        var xingOffset: Int

        /// The header in the four bytes at `offset`, or nil when they are not a valid one.
        init?(_ bytes: [UInt8], at offset: Int) {
            guard offset + 4 <= bytes.count, bytes[offset] == 0xFF, bytes[offset + 1] & 0xE0 == 0xE0 else { return nil }
            let version = Int(bytes[offset + 1] >> 3 & 3)  // 0: MPEG 2.5, 2: MPEG 2, 3: MPEG 1
            let layer = Int(bytes[offset + 1] >> 1 & 3)  // 1: III, 2: II, 3: I
            let bitRateIndex = Int(bytes[offset + 2] >> 4)
            let sampleRateIndex = Int(bytes[offset + 2] >> 2 & 3)
            guard version != 1, layer != 0, bitRateIndex != 0, bitRateIndex != 15, sampleRateIndex != 3 else { return nil }
            let mpeg1 = version == 3
            let table: [Int]
            switch (mpeg1, layer) {
            case (true, 3): table = [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448]
            case (true, 2): table = [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384]
            case (true, _): table = [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
            case (false, 3): table = [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256]
            case (false, _): table = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
            }
            bitRate = table[bitRateIndex - 1] * 1000
            let rates = [44_100, 48_000, 32_000][sampleRateIndex]
            sampleRate = version == 3 ? rates : version == 2 ? rates / 2 : rates / 4
            samplesPerFrame = layer == 3 ? 384 : (layer == 1 && !mpeg1) ? 576 : 1152
            let mono = bytes[offset + 3] >> 6 == 3
            let sideInformation = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17)
            let crc = bytes[offset + 1] & 1 == 0 ? 2 : 0
            xingOffset = 4 + crc + sideInformation
        }
    }

    /// - Throws: `MediaError.malformed` when no frame header follows the ID3 tag.
    static func read(_ bytes: MediaBytes) throws(MediaError) -> MediaInfo {
        var start: UInt64 = 0
        let head = try bytes.read(at: 0, count: 10)
        if head.count == 10, head.spells("ID3", at: 0) {
            // The tag's size is "synchsafe": four 7-bit bytes; a footer adds 10 more bytes.
            let size = head[6..<10].reduce(UInt64(0)) { $0 << 7 | UInt64($1 & 0x7F) }
            start = 10 + size + (head[5] & 0x10 != 0 ? 10 : 0)
        }
        let window = try bytes.read(at: start, count: searchLimit)
        guard let index = window.indices.first(where: { FrameHeader(window, at: $0) != nil }),
            let frame = FrameHeader(window, at: index)
        else {
            throw MediaError.malformed(file: bytes.file, format: .mp3, detail: "no MPEG audio frame in the first 64 KB after the tags")
        }
        let frameStart = start + UInt64(index)
        let first = try bytes.read(at: frameStart, count: 64)
        if let frames = frameCount(first, frame: frame) {
            let seconds = Double(frames) * Double(frame.samplesPerFrame) / Double(frame.sampleRate)
            return MediaInfo(format: .mp3, kind: .audio, duration: seconds)
        }
        var end = bytes.size
        if bytes.size >= 128, try bytes.read(at: bytes.size - 128, count: 3).spells("TAG", at: 0) { end -= 128 }
        let audio = end > frameStart ? end - frameStart : 0
        return MediaInfo(format: .mp3, kind: .audio, duration: Double(audio) * 8 / Double(frame.bitRate))
    }

    /// The number of frames a Xing/Info or VBRI header in the first frame declares, if any.
    private static func frameCount(_ first: [UInt8], frame: FrameHeader) -> UInt64? {
        let xing = frame.xingOffset
        if first.spells("Xing", at: xing) || first.spells("Info", at: xing), xing + 12 <= first.count,
            first.bigEndian(at: xing + 4, count: 4) & 1 != 0
        {
            return first.bigEndian(at: xing + 8, count: 4)
        }
        // VBRI (Fraunhofer): always 32 bytes after the 4-byte header; frames after version,
        // delay, quality and bytes.
        if first.spells("VBRI", at: 36), 36 + 18 <= first.count {
            return first.bigEndian(at: 36 + 14, count: 4)
        }
        return nil
    }
}
