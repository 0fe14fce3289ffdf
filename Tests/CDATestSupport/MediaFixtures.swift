/// Small recordings built byte by byte for the tests: a WAV of 8 kHz mono 8-bit audio, so that
/// 8,000 bytes of samples last exactly one second.
public enum MediaFixtures {
    /// A WAV holding exactly `samples`: a 44-byte header, then the samples.
    public static func wav(samples: [UInt8]) -> [UInt8] {
        func le(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let format = le(1, 2) + le(1, 2) + le(8000, 4) + le(8000, 4) + le(1, 2) + le(8, 2)
        let chunks = Array("fmt ".utf8) + le(16, 4) + format + Array("data".utf8) + le(samples.count, 4) + samples
        return Array("RIFF".utf8) + le(4 + chunks.count, 4) + Array("WAVE".utf8) + chunks
    }

    /// A WAV of `bytes` samples, all `fill`.
    public static func wav(bytes: Int, fill: UInt8 = 0) -> [UInt8] {
        wav(samples: [UInt8](repeating: fill, count: bytes))
    }
}
