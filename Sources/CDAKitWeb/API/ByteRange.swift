/// What a request's `Range` header asks of a file of a known size (RFC 9110 §14): the media
/// player asks for parts of a recording as it plays and seeks.
///
/// Only the `bytes` unit and a single range are served as a part. Several ranges at once are
/// answered with the whole file, which the standard allows and no media player needs otherwise;
/// a header in another unit is ignored, as the standard requires.
enum ByteRange: Equatable {
    /// No usable `Range`: answer 200 with the whole file.
    case whole
    /// Answer 206 with these bytes (first and last, inclusive).
    case part(ClosedRange<Int64>)
    /// The range is malformed or starts past the end: answer 416.
    case unsatisfiable

    /// Reads `header` against a file of `size` bytes.
    ///
    /// - Parameters:
    ///   - header: The `Range` field's value, or `nil` when the request has none.
    ///   - size: The file's length in bytes.
    static func parse(_ header: String?, size: Int64) -> ByteRange {
        guard let header else { return .whole }
        let trimmed = header.trimmingSpaces()
        guard let equals = trimmed.firstIndex(of: "=") else { return .unsatisfiable }
        guard trimmed[..<equals].trimmingSpaces().lowercased() == "bytes" else { return .whole }
        let specs = trimmed[trimmed.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
        let ranges = specs.map { spec(String($0), size: size) }
        guard ranges.count > 1 else { return ranges[0] ?? .unsatisfiable }
        guard !ranges.contains(nil) else { return .unsatisfiable }
        return ranges.contains { $0?.isPart == true } ? .whole : .unsatisfiable
    }

    private var isPart: Bool {
        if case .part = self { return true }
        return false
    }

    /// One `first-last`, `first-` or `-suffix`; `nil` when it is not well formed.
    private static func spec(_ text: String, size: Int64) -> ByteRange? {
        let text = text.trimmingSpaces()
        guard let dash = text.firstIndex(of: "-") else { return nil }
        let first = text[..<dash]
        let last = text[text.index(after: dash)...]
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit), !(first.isEmpty && last.isEmpty) else { return nil }
        if first.isEmpty {
            // The last `suffix` bytes; a suffix longer than the file means all of it.
            let suffix = Int64(last) ?? Int64.max
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .part(max(0, size - suffix)...(size - 1))
        }
        // A first position too large for 64 bits lies past the end of any file.
        guard let start = Int64(first) else { return .unsatisfiable }
        let end = last.isEmpty ? Int64.max : (Int64(last) ?? Int64.max)
        guard end >= start else { return nil }
        guard start < size else { return .unsatisfiable }
        return .part(start...min(end, size - 1))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
