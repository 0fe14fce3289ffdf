/// The duration of a Matroska or WebM file: the Segment Info's Duration × its TimecodeScale
/// (nanoseconds per tick, 1,000,000 unless given); a track of type 1 makes it a video.
enum MatroskaHeader {
    /// The EBML header's element id, the file's first four bytes.
    static let ebmlID: UInt64 = 0x1A45_DFA3
    static let segmentID: UInt64 = 0x1853_8067
    static let infoID: UInt64 = 0x1549_A966
    static let tracksID: UInt64 = 0x1654_AE6B
    static let clusterID: UInt64 = 0x1F43_B675
    static let timecodeScaleID: UInt64 = 0x2A_D7B1
    static let durationID: UInt64 = 0x4489
    static let trackEntryID: UInt64 = 0xAE
    static let trackTypeID: UInt64 = 0x83

    /// One element: its id, where its data starts and ends (nil: unknown size).
    struct Element {
        var id: UInt64
        var dataStart: UInt64
        var end: UInt64?
    }

    /// - Throws: `MediaError.malformed` without a Segment, an Info or a Duration.
    static func read(_ bytes: MediaBytes) throws(MediaError) -> MediaInfo {
        let header = try element(in: bytes, at: 0)
        guard let headerEnd = header.end else { throw malformed(bytes, "the EBML header has no size") }
        let segment = try element(in: bytes, at: headerEnd)
        guard segment.id == segmentID else { throw malformed(bytes, "no Segment after the EBML header") }
        let segmentEnd = min(segment.end ?? bytes.size, bytes.size)
        var duration: Double?
        var scale: UInt64 = 1_000_000
        var kind = MediaKind.audio
        var offset = segment.dataStart
        // The top-level elements before the first Cluster: Info and Tracks come there.
        while offset < segmentEnd, duration == nil || kind == .audio {
            let child = try element(in: bytes, at: offset)
            guard child.id != clusterID, let end = child.end else { break }
            if child.id == infoID {
                for field in try elements(in: bytes, from: child.dataStart, to: end) {
                    let value = try data(of: field, in: bytes)
                    if field.id == timecodeScaleID, !value.isEmpty, value.count <= 8 {
                        scale = value.bigEndian(at: 0, count: value.count)
                    } else if field.id == durationID {
                        duration = try float(value, in: bytes)
                    }
                }
            } else if child.id == tracksID {
                for entry in try elements(in: bytes, from: child.dataStart, to: end) where entry.id == trackEntryID {
                    for field in try elements(in: bytes, from: entry.dataStart, to: entry.end ?? end) where field.id == trackTypeID {
                        if try data(of: field, in: bytes) == [1] { kind = .video }
                    }
                }
            }
            offset = end
        }
        guard let duration else { throw malformed(bytes, "the Segment Info gives no Duration (a live recording?)") }
        return MediaInfo(format: .matroska, kind: kind, duration: duration * Double(scale) / 1_000_000_000)
    }

    /// The element whose id starts at `offset`.
    ///
    /// - Throws: `MediaError.malformed` for an invalid variable-length integer.
    static func element(in bytes: MediaBytes, at offset: UInt64) throws(MediaError) -> Element {
        let head = try bytes.read(at: offset, count: 12)
        guard case (let id, let idLength)? = variableInteger(head, at: 0, keepMarker: true), idLength <= 4,
            case (let size, let sizeLength)? = variableInteger(head, at: idLength, keepMarker: false)
        else { throw malformed(bytes, "an invalid element header at byte \(offset)") }
        let dataStart = offset + UInt64(idLength + sizeLength)
        // All value bits set means "unknown size" (a live stream's Segment or Cluster).
        let unknown = size == (UInt64(1) << (7 * UInt64(sizeLength))) - 1
        return Element(id: id, dataStart: dataStart, end: unknown ? nil : dataStart + size)
    }

    /// The elements one after another between `start` and `end`.
    static func elements(in bytes: MediaBytes, from start: UInt64, to end: UInt64) throws(MediaError) -> [Element] {
        var result: [Element] = []
        var offset = start
        while offset < end {
            let child = try element(in: bytes, at: offset)
            guard let childEnd = child.end, childEnd <= end else {
                throw malformed(bytes, "the element at byte \(offset) runs past its parent")
            }
            result.append(child)
            offset = childEnd
        }
        return result
    }

    /// An EBML variable-length integer: the number of leading zero bits of its first byte says how
    /// many bytes follow; ids keep that marker bit, sizes drop it.
    static func variableInteger(_ bytes: [UInt8], at offset: Int, keepMarker: Bool) -> (UInt64, Int)? {
        guard offset < bytes.count, bytes[offset] != 0 else { return nil }
        let length = bytes[offset].leadingZeroBitCount + 1
        guard offset + length <= bytes.count else { return nil }
        var value = UInt64(keepMarker ? bytes[offset] : bytes[offset] & (0xFF >> length))
        for byte in bytes[offset + 1..<offset + length] { value = value << 8 | UInt64(byte) }
        return (value, length)
    }

    private static func data(of element: Element, in bytes: MediaBytes) throws(MediaError) -> [UInt8] {
        let count = Int(min((element.end ?? element.dataStart) - element.dataStart, 64))
        return try bytes.require(at: element.dataStart, count: count, format: .matroska, what: "Segment Info")
    }

    private static func float(_ value: [UInt8], in bytes: MediaBytes) throws(MediaError) -> Double {
        switch value.count {
        case 4: return Double(Float(bitPattern: UInt32(value.bigEndian(at: 0, count: 4))))
        case 8: return Double(bitPattern: value.bigEndian(at: 0, count: 8))
        default: throw malformed(bytes, "the Duration has \(value.count) bytes (4 or 8 expected)")
        }
    }

    private static func malformed(_ bytes: MediaBytes, _ detail: String) -> MediaError {
        .malformed(file: bytes.file, format: .matroska, detail: detail)
    }
}
