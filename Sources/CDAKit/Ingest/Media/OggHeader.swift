/// The duration of an Ogg Vorbis or Ogg Opus file: the granule position of the stream's last page
/// ÷ the sample rate of its identification header (Opus always counts 48,000 per second, after
/// its pre-skip).
enum OggHeader {
    /// Ogg pages are at most 65,307 bytes, so the last one starts within this many of the end.
    static let tailLength = 65_307 + 27

    /// - Throws: `MediaError.malformed` for another codec, a damaged first page or no last page.
    static func read(_ bytes: MediaBytes) throws(MediaError) -> MediaInfo {
        let first = try bytes.require(at: 0, count: 27, format: .ogg, what: "first page header")
        let serial = first.littleEndian(at: 14, count: 4)
        let segments = Int(first[26])
        let table = try bytes.require(at: 27, count: segments, format: .ogg, what: "first page's segment table")
        let packetLength = min(table.reduce(0) { $0 + Int($1) }, 64)
        let packet = try bytes.require(at: 27 + UInt64(segments), count: min(packetLength, 19), format: .ogg, what: "first packet")
        let rate: Double
        var preSkip: UInt64 = 0
        if packet.count >= 16, packet[0] == 1, packet.spells("vorbis", at: 1) {
            rate = Double(packet.littleEndian(at: 12, count: 4))
        } else if packet.count >= 12, packet.spells("OpusHead", at: 0) {
            rate = 48_000
            preSkip = packet.littleEndian(at: 10, count: 2)
        } else {
            throw malformed(bytes, "the first stream is neither Vorbis nor Opus")
        }
        guard rate > 0 else { throw malformed(bytes, "the identification header gives a sample rate of 0") }
        let tailStart = bytes.size > UInt64(tailLength) ? bytes.size - UInt64(tailLength) : 0
        let tail = try bytes.read(at: tailStart, count: tailLength)
        // The last page of the stream that carries a granule position (-1 means none ends there).
        var index = tail.count - 27
        while index >= 0 {
            if tail.spells("OggS", at: index), tail.littleEndian(at: index + 14, count: 4) == serial {
                let granule = tail.littleEndian(at: index + 6, count: 8)
                if granule != UInt64.max {
                    let samples = granule > preSkip ? granule - preSkip : 0
                    return MediaInfo(format: .ogg, kind: .audio, duration: Double(samples) / rate)
                }
            }
            index -= 1
        }
        throw malformed(bytes, "no page with a granule position at the end of the stream")
    }

    private static func malformed(_ bytes: MediaBytes, _ detail: String) -> MediaError {
        .malformed(file: bytes.file, format: .ogg, detail: detail)
    }
}
