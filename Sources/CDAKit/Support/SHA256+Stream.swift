internal import Crypto
import Foundation

extension SHA256 {
    /// The digest of the file at `path` as 64 lowercase hex digits, read in chunks of 1 MiB so that
    /// a recording of several gigabytes never sits in memory.
    ///
    /// - Returns: nil when the file cannot be opened or read.
    /// - Complexity: O(*n*) in the file's size.
    static func hexDigest(ofFileAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = Crypto.SHA256()
        do {
            // `read(upToCount:)` answers nil or no bytes at the end of the file.
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        } catch {
            return nil
        }
        return hex(Array(hasher.finalize()))
    }

    /// 64 lowercase hex digits for a digest's bytes.
    private static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] }, as: UTF8.self)
    }
}
