extension MediaLink {
    /// The media type a browser needs to play the recording (`audio/mp4`, `video/webm`, …).
    ///
    /// MP4 and Matroska hold audio or video; the kind read from the header decides. Matroska is
    /// announced as WebM, the form of it that browsers play.
    public var contentType: String {
        switch (format, kind) {
        case (.wav, _): "audio/wav"
        case (.mp3, _): "audio/mpeg"
        case (.mp4, .audio): "audio/mp4"
        case (.mp4, .video): "video/mp4"
        case (.ogg, .audio): "audio/ogg"
        case (.ogg, .video): "video/ogg"
        case (.matroska, .audio): "audio/webm"
        case (.matroska, .video): "video/webm"
        }
    }
}
