/// The duration of a RIFF WAVE file: the `data` chunk's bytes ÷ the `fmt ` chunk's bytes per second.
enum WAVHeader {
    /// - Throws: `MediaError.malformed` without a `fmt ` or `data` chunk, or with no bytes per second.
    static func read(_ bytes: MediaBytes) throws(MediaError) -> MediaInfo {
        var offset: UInt64 = 12
        var byteRate: UInt64?
        while offset + 8 <= bytes.size {
            let chunk = try bytes.require(at: offset, count: 8, format: .wav, what: "chunk header")
            let size = chunk.littleEndian(at: 4, count: 4)
            if chunk.spells("fmt ", at: 0) {
                let format = try bytes.require(at: offset + 8, count: 16, format: .wav, what: "'fmt ' chunk")
                byteRate = format.littleEndian(at: 8, count: 4)
            } else if chunk.spells("data", at: 0) {
                guard let byteRate else { throw malformed(bytes, "the 'data' chunk comes before the 'fmt ' chunk") }
                guard byteRate > 0 else { throw malformed(bytes, "the 'fmt ' chunk gives 0 bytes per second") }
                // A recorder that stopped early leaves a size larger than what follows (or 0xFFFFFFFF
                // while streaming): count the bytes that are there.
                let available = min(size, bytes.size - (offset + 8))
                return MediaInfo(format: .wav, kind: .audio, duration: Double(available) / Double(byteRate))
            }
            offset += 8 + size + (size & 1)
        }
        throw malformed(bytes, byteRate == nil ? "no 'fmt ' chunk" : "no 'data' chunk")
    }

    private static func malformed(_ bytes: MediaBytes, _ detail: String) -> MediaError {
        .malformed(file: bytes.file, format: .wav, detail: detail)
    }
}
