import Foundation

/// Reads the project's own transcript XML.
///
/// ```xml
/// <transcript id="citizens-1" group="citizens" session="afternoon" title="…" date="2023-10-12">
///   <speakers>
///     <speaker id="P01" role="participant" name="P01" agegroup="18-34"/>
///     <speaker id="M" role="moderator"/>
///   </speakers>
///   <section name="plenary">
///     <turn speaker="P01" start="00:01:10" end="00:01:42">…</turn>
///   </section>
/// </transcript>
/// ```
/// `<turn>`s may also stand directly under `<transcript>` and carry their own `section`.
/// Every attribute of `<transcript>` other than `id` and `title` becomes a document attribute;
/// every attribute of `<speaker>` other than `id`, `name` and `role` a speaker attribute.
public struct TranscriptXMLReader: TranscriptReader {
    /// Creates a reader.
    public init() {}

    /// `.transcriptXML`.
    public var format: DocumentFormat { .transcriptXML }

    /// Reads a transcript.
    ///
    /// - Throws: `IngestError.malformedXML`, `.entityNotAllowed`, `.missingAttribute`,
    ///   `.undeclaredSpeaker`, `.invalidTime`, `.unknownFormat` or `.noUtterances`.
    public func read(_ source: SourceFile, options: ReadOptions) throws(IngestError) -> Transcript {
        let xml = try XMLStreamReader(source)
        var attributes: [String: String] = [:]
        var speakers: [Speaker] = []
        var utterances: [Utterance] = []
        var sections: [String?] = [nil]
        var sawRoot = false
        while let event = try xml.next() {
            switch event {
            case .start(let name, let attrs, let isEmpty):
                if !sawRoot {
                    guard name == "transcript" else {
                        throw .unknownFormat(xml.location, detail: "root element <\(name)>, expected <transcript>")
                    }
                    sawRoot = true
                    attributes = attrs
                    continue
                }
                switch name {
                case "speaker":
                    guard let id = attrs["id"], !id.isEmpty else {
                        throw .missingAttribute(xml.location, element: "speaker", attribute: "id")
                    }
                    var extra = attrs
                    for key in ["id", "name", "role"] { extra.removeValue(forKey: key) }
                    let role = attrs["role"].flatMap(SpeakerRole.init(parsing:)) ?? .participant
                    speakers.append(Speaker(id: id, name: attrs["name"], role: role, attributes: extra))
                    if !isEmpty { try xml.skipElement(named: name, isEmpty: false) }
                case "section":
                    sections.append(attrs["name"] ?? sections.last ?? nil)
                    if isEmpty { sections.removeLast() }
                case "turn":
                    let location = xml.location
                    guard let speaker = attrs["speaker"], !speaker.isEmpty else {
                        throw .missingAttribute(location, element: "turn", attribute: "speaker")
                    }
                    guard speakers.contains(where: { $0.id == speaker }) else {
                        throw .undeclaredSpeaker(location, speaker: speaker)
                    }
                    let start = try time(attrs["start"], at: location)
                    let end = try time(attrs["end"], at: location)
                    let text = isEmpty ? "" : try xml.readText(skipping: ["note", "comment"])
                    guard !text.isEmpty else { continue }
                    utterances.append(
                        Utterance(
                            index: utterances.count + 1, speakerID: speaker, start: start, end: end,
                            section: attrs["section"] ?? sections.last ?? nil, text: text, sourceReference: attrs["id"]))
                default:
                    continue
                }
            case .end(let name):
                if name == "section", sections.count > 1 { sections.removeLast() }
            case .text:
                continue
            }
        }
        guard !utterances.isEmpty else { throw .noUtterances(source.location()) }
        let document = source.document(format: .transcriptXML, attributes: attributes, options: options)
        return Transcript(document: document, speakers: speakers, utterances: utterances)
    }

    private func time(_ value: String?, at location: SourceLocation) throws(IngestError) -> Double? {
        guard let value, !value.isEmpty else { return nil }
        guard let seconds = TimeCode.seconds(value) else { throw .invalidTime(location, value: value) }
        return seconds
    }
}
