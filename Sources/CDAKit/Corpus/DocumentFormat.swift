/// The file formats `cda` reads transcripts from.
public enum DocumentFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Plain text with `Label: text` turns and optional `# key: value` headers.
    case text
    /// TEI XML in the ParlaMint style (`<u who=…>` with `<seg>`s).
    case tei
    /// The project's own transcript XML (`<transcript>` with `<turn>`s).
    case transcriptXML = "xml"
    /// WebVTT captions.
    case vtt
    /// SubRip captions.
    case srt
}
