/// The duration of an ISO base media file (MP4, M4A): the movie header's (`moov/mvhd`)
/// duration ÷ its timescale; a track whose handler is `vide` makes it a video.
enum MP4Header {
    /// One box: where its content starts and ends, and its four-letter type.
    struct Box {
        var type: String
        var contentStart: UInt64
        var end: UInt64
    }

    /// - Throws: `MediaError.malformed` without a `moov` box, `mvhd` header or timescale.
    static func read(_ bytes: MediaBytes) throws(MediaError) -> MediaInfo {
        guard let movie = try boxes(in: bytes, from: 0, to: bytes.size).first(where: { $0.type == "moov" }) else {
            throw malformed(bytes, "no 'moov' box (the file may be incomplete)")
        }
        let children = try boxes(in: bytes, from: movie.contentStart, to: movie.end)
        guard let header = children.first(where: { $0.type == "mvhd" }) else { throw malformed(bytes, "no 'mvhd' movie header") }
        let version = try bytes.require(at: header.contentStart, count: 1, format: .mp4, what: "'mvhd' header")[0]
        // Version 1 has 64-bit creation and modification times and duration; version 0 32-bit ones.
        let wide = version == 1
        let fields = try bytes.require(at: header.contentStart + 4, count: wide ? 28 : 16, format: .mp4, what: "'mvhd' header")
        let timescale = fields.bigEndian(at: wide ? 16 : 8, count: 4)
        let duration = fields.bigEndian(at: wide ? 20 : 12, count: wide ? 8 : 4)
        guard timescale > 0 else { throw malformed(bytes, "the movie header's timescale is 0") }
        var kind = MediaKind.audio
        for track in children where track.type == "trak" {
            if try handler(of: track, in: bytes) == "vide" { kind = .video }
        }
        return MediaInfo(format: .mp4, kind: kind, duration: Double(duration) / Double(timescale))
    }

    /// The handler type (`soun`, `vide`, …) of a track's `mdia/hdlr` box, if it has one.
    private static func handler(of track: Box, in bytes: MediaBytes) throws(MediaError) -> String? {
        guard let media = try boxes(in: bytes, from: track.contentStart, to: track.end).first(where: { $0.type == "mdia" }),
            let handler = try boxes(in: bytes, from: media.contentStart, to: media.end).first(where: { $0.type == "hdlr" })
        else { return nil }
        let fields = try bytes.require(at: handler.contentStart, count: 12, format: .mp4, what: "'hdlr' box")
        return String(decoding: fields[8..<12], as: UTF8.self)
    }

    /// The boxes one after another between `start` and `end`.
    ///
    /// - Throws: `MediaError.malformed` when a box's size runs past its parent or is too small.
    static func boxes(in bytes: MediaBytes, from start: UInt64, to end: UInt64) throws(MediaError) -> [Box] {
        var result: [Box] = []
        var offset = start
        while offset + 8 <= end {
            let header = try bytes.require(at: offset, count: 8, format: .mp4, what: "box header")
            let type = String(decoding: header[4..<8], as: UTF8.self)
            var size = header.bigEndian(at: 0, count: 4)
            var headerSize: UInt64 = 8
            if size == 1 {
                size = try bytes.require(at: offset + 8, count: 8, format: .mp4, what: "box header").bigEndian(at: 0, count: 8)
                headerSize = 16
            } else if size == 0 {
                size = end - offset  // the last box runs to the end
            }
            guard size >= headerSize, size <= end - offset else {
                throw malformed(bytes, "the '\(type)' box at byte \(offset) claims \(size) bytes")
            }
            result.append(Box(type: type, contentStart: offset + headerSize, end: offset + size))
            offset += size
        }
        return result
    }

    private static func malformed(_ bytes: MediaBytes, _ detail: String) -> MediaError {
        .malformed(file: bytes.file, format: .mp4, detail: detail)
    }
}
