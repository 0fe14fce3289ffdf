/// The container of a recording, recognised from its first bytes.
public enum MediaFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case wav
    case mp3
    case mp4
    case ogg
    case matroska

    /// The name researchers know the format by.
    public var title: String {
        switch self {
        case .wav: return "WAV"
        case .mp3: return "MP3"
        case .mp4: return "MP4/M4A"
        case .ogg: return "Ogg"
        case .matroska: return "WebM/Matroska"
        }
    }
}

/// Whether a recording has pictures.
public enum MediaKind: String, Sendable, Hashable, Codable {
    case audio
    case video
}
