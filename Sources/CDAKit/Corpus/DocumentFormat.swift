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
    /// ELAN annotation documents (`.eaf`): tiers of time-aligned annotations.
    case elan = "eaf"
    /// Transcriber transcripts (`.trs`): speakers, sections and turns with sync points.
    case transcriber = "trs"
    /// CHAT transcripts (`.cha`) of CHILDES and the other TalkBank corpora: headers, main and dependent tiers.
    case chat
}
