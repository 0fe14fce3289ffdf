/// What a recording's header says: its container, whether it has pictures, and how long it lasts.
public struct MediaInfo: Sendable, Hashable, Codable {
    /// The container.
    public var format: MediaFormat
    /// Audio only, or video.
    public var kind: MediaKind
    /// The length in seconds.
    public var duration: Double

    public init(format: MediaFormat, kind: MediaKind, duration: Double) {
        self.format = format
        self.kind = kind
        self.duration = duration
    }
}

extension MediaInfo {
    /// Reads the header of the recording at `path`.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - file: its name in messages (as the user gave it).
    /// - Returns: the container, kind and duration.
    /// - Throws: `MediaError.unreadable`, `.unknownFormat` or `.malformed`.
    public static func read(path: String, file: String) throws(MediaError) -> MediaInfo {
        try read(MediaBytes(contentsOf: path, file: file))
    }

    /// Reads the header of a recording held in memory (`file` names it in messages).
    ///
    /// - Throws: `MediaError.unknownFormat` or `.malformed`.
    public static func read(bytes: [UInt8], file: String) throws(MediaError) -> MediaInfo {
        try read(MediaBytes(bytes, file: file))
    }

    static func read(_ bytes: MediaBytes) throws(MediaError) -> MediaInfo {
        let head = try bytes.read(at: 0, count: 12)
        let info: MediaInfo
        if head.spells("RIFF", at: 0), head.spells("WAVE", at: 8) {
            info = try WAVHeader.read(bytes)
        } else if head.spells("ftyp", at: 4) {
            info = try MP4Header.read(bytes)
        } else if head.spells("OggS", at: 0) {
            info = try OggHeader.read(bytes)
        } else if head.count >= 4, head.bigEndian(at: 0, count: 4) == MatroskaHeader.ebmlID {
            info = try MatroskaHeader.read(bytes)
        } else if head.spells("ID3", at: 0) || (head.count >= 4 && MP3Header.FrameHeader(head, at: 0) != nil) {
            info = try MP3Header.read(bytes)
        } else {
            throw .unknownFormat(file: bytes.file)
        }
        guard info.duration.isFinite, info.duration >= 0 else {
            throw .malformed(file: bytes.file, format: info.format, detail: "the header gives no usable duration")
        }
        return info
    }
}
