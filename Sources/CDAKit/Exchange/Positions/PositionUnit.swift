/// What a REFI-QDA `startPosition` or `endPosition` counts.
///
/// REFI-QDA 1.5 says "characters"; `cda` writes Unicode scalars (code points). Tools built on
/// UTF-16 strings (NVivo, and likely others on .NET or Java) count UTF-16 code units, in which a
/// character outside the Basic Multilingual Plane (most emoji) is two.
public enum PositionUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Unicode scalars (code points): the standard's characters, and `cda`'s own unit.
    case codePoints = "codepoints"
    /// UTF-16 code units.
    case utf16

    /// The unit in words, for reports.
    public var words: String {
        switch self {
        case .codePoints: "code points"
        case .utf16: "UTF-16 code units"
        }
    }
}

/// How one source's positions are read: the unit, and whether a byte order mark at the start of
/// the plain-text file is counted as position 0.
public struct PositionReading: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The unit.
    public var unit: PositionUnit
    /// Whether the file's byte order mark takes position 0 (so the text starts at 1).
    public var countsByteOrderMark: Bool

    /// Creates a reading.
    public init(unit: PositionUnit, countsByteOrderMark: Bool = false) {
        self.unit = unit
        self.countsByteOrderMark = countsByteOrderMark
    }

    /// `UTF-16 code units` or `code points, byte order mark counted`.
    public var description: String {
        unit.words + (countsByteOrderMark ? ", byte order mark counted" : "")
    }

    /// The readings worth trying for a text: both units, each with and without the byte order mark
    /// when the file has one.
    static func candidates(hasByteOrderMark: Bool) -> [PositionReading] {
        PositionUnit.allCases.flatMap { unit in
            hasByteOrderMark
                ? [PositionReading(unit: unit), PositionReading(unit: unit, countsByteOrderMark: true)] : [PositionReading(unit: unit)]
        }
    }

    /// The unit to assume when the evidence cannot tell: UTF-16 for a project written by NVivo,
    /// else the standard's code points.
    static func expected(origin: String?) -> PositionReading {
        let tool = origin?.lowercased() ?? ""
        return PositionReading(unit: tool.contains("nvivo") ? .utf16 : .codePoints)
    }
}
