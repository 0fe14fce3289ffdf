internal import Crypto

/// SHA-256 digests (FIPS 180-4) from swift-crypto, used to recognise unchanged source files.
enum SHA256 {
    /// The digest of `bytes` as 64 lowercase hex digits.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    static func hexDigest(of bytes: [UInt8]) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in Crypto.SHA256.hash(data: bytes) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
