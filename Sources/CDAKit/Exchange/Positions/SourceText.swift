/// A source's plain text indexed for reading positions in either unit and for judging where a
/// position falls: inside a character, between a CR and its LF, on a word or line boundary.
///
/// Offsets it returns are Unicode scalar (code point) offsets, zero-based, into the text without
/// its byte order mark.
struct SourceText: Sendable {
    /// The text's scalars.
    let scalars: [Unicode.Scalar]
    /// Whether the file started with a byte order mark (not part of `scalars`).
    let hasByteOrderMark: Bool
    /// For each UTF-16 offset `0...utf16Count`, the scalar offset it starts, or -1 inside a
    /// surrogate pair.
    private let scalarAtUTF16: [Int32]
    /// For each scalar offset `0...count`, whether a user-perceived character (grapheme cluster)
    /// starts or ends there.
    private let characterBoundary: [Bool]

    /// Indexes a text.
    ///
    /// - Parameters:
    ///   - text: The text without its byte order mark.
    ///   - hasByteOrderMark: Whether the file had one.
    /// - Complexity: O(*n*) in the length of the text.
    init(_ text: String, hasByteOrderMark: Bool) {
        scalars = Array(text.unicodeScalars)
        self.hasByteOrderMark = hasByteOrderMark
        var map: [Int32] = []
        map.reserveCapacity(text.utf16.count + 1)
        for (index, scalar) in scalars.enumerated() {
            map.append(Int32(index))
            if scalar.utf16.count == 2 { map.append(-1) }
        }
        map.append(Int32(scalars.count))
        scalarAtUTF16 = map
        var boundary = [Bool](repeating: false, count: scalars.count + 1)
        var position = 0
        boundary[0] = true
        for character in text {
            position += character.unicodeScalars.count
            boundary[position] = true
        }
        characterBoundary = boundary
    }

    /// The scalar offset a position names under a reading, or `nil` when it lies before the text,
    /// beyond it, or inside a surrogate pair.
    func scalarOffset(_ position: Int, reading: PositionReading) -> Int? {
        let shifted = position - (reading.countsByteOrderMark ? 1 : 0)
        guard shifted >= 0 else { return nil }
        switch reading.unit {
        case .codePoints:
            return shifted <= scalars.count ? shifted : nil
        case .utf16:
            guard shifted < scalarAtUTF16.count else { return nil }
            let offset = scalarAtUTF16[shifted]
            return offset < 0 ? nil : Int(offset)
        }
    }

    /// Whether a position lies between the start and the end of the text under a reading.
    func isWithinText(_ position: Int, reading: PositionReading) -> Bool {
        let shifted = position - (reading.countsByteOrderMark ? 1 : 0)
        return shifted >= 0 && shifted < (reading.unit == .utf16 ? scalarAtUTF16.count : scalars.count + 1)
    }

    /// Whether a scalar offset falls inside a user-perceived character.
    func isInsideCharacter(_ offset: Int) -> Bool { !characterBoundary[offset] }

    /// Whether a scalar offset falls between a CR and the LF after it.
    func splitsLineBreak(_ offset: Int) -> Bool {
        offset > 0 && offset < scalars.count && scalars[offset - 1] == "\r" && scalars[offset] == "\n"
    }

    /// Whether a scalar offset is where a line starts (the text's start, or after a line break).
    func isLineStart(_ offset: Int) -> Bool {
        offset == 0 || Self.isLineBreak(scalars[offset - 1]) && !splitsLineBreak(offset)
    }

    /// Whether a scalar offset is where a line ends (the text's end, or before a line break).
    func isLineEnd(_ offset: Int) -> Bool {
        offset == scalars.count || Self.isLineBreak(scalars[offset]) && !splitsLineBreak(offset)
    }

    /// Whether a scalar offset is not between two letters or digits.
    func isWordBoundary(_ offset: Int) -> Bool {
        offset == 0 || offset == scalars.count || !(Self.isWordScalar(scalars[offset - 1]) && Self.isWordScalar(scalars[offset]))
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }
}
