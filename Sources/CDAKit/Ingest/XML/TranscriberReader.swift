import Foundation

/// Reads Transcriber transcripts (`.trs`).
///
/// ```xml
/// <Trans audio_filename="workshop">
///   <Topics><Topic id="to1" desc="plenary"/></Topics>
///   <Speakers><Speaker id="spk1" name="P01" type="female"/></Speakers>
///   <Episode>
///     <Section type="report" topic="to1" startTime="0" endTime="60">
///       <Turn speaker="spk1" startTime="0" endTime="12.5"><Sync time="0"/>…<Sync time="6.2"/>…</Turn>
///       <Turn speaker="spk1 spk2" startTime="12.5" endTime="15"><Sync time="12.5"/>
///         <Who nb="1"/>…<Who nb="2"/>…</Turn>
///     </Section>
///   </Episode>
/// </Trans>
/// ```
/// Each `Turn` becomes one utterance with the turn's `startTime` and `endTime` (the first `Sync`
/// time when the turn has no start); the text between its `Sync` points is joined, since sync
/// points only mark times inside one speaker's turn. A turn with several speakers is overlapping
/// speech: each `Who` part becomes its own utterance with the turn's times, and the document
/// attribute `overlaps` counts those extra parts. A speaker is known by its `name` (the label people
/// use), or its `id` when it has no name or shares it; `type`, `dialect` and `accent` become speaker
/// attributes. The section is the topic's description, else the section's type. Events, comments
/// and background marks are left out; the file's declared encoding (often ISO-8859-1) is honoured.
public struct TranscriberReader: TranscriptReader {
    /// Creates a reader.
    public init() {}

    /// `.transcriber`.
    public var format: DocumentFormat { .transcriber }

    /// Reads a Transcriber file.
    ///
    /// - Throws: `IngestError.malformedXML`, `.entityNotAllowed`, `.unknownFormat` (another root
    ///   element), `.missingAttribute`, `.undeclaredSpeaker`, `.invalidTime`, `.undefinedReference`
    ///   (a `Who` beyond the turn's speakers) or `.noUtterances`.
    public func read(_ source: SourceFile, options: ReadOptions) throws(IngestError) -> Transcript {
        let xml = try XMLStreamReader(source)
        var attributes: [String: String] = [:]
        var topics: [String: String] = [:]
        var declared: [(id: String, name: String?, attributes: [String: String])] = []
        var sections: [String?] = []
        var turns:
            [(
                speakers: [String], start: Double?, end: Double?, section: String?, parts: [(who: Int, text: String)],
                location: SourceLocation
            )] = []
        var sawRoot = false
        while let event = try xml.next() {
            switch event {
            case .start(let name, let attrs, let isEmpty):
                if !sawRoot {
                    guard name == "Trans" else {
                        throw .unknownFormat(xml.location, detail: "root element <\(name)>, expected <Trans>")
                    }
                    sawRoot = true
                    if let audio = attrs["audio_filename"], !audio.isEmpty { attributes["media"] = audio }
                    continue
                }
                switch name {
                case "Topic":
                    if let id = attrs["id"], let description = attrs["desc"], !description.isEmpty { topics[id] = description }
                case "Speaker":
                    guard let id = attrs["id"], !id.isEmpty else {
                        throw .missingAttribute(xml.location, element: name, attribute: "id")
                    }
                    var extra: [String: String] = [:]
                    for key in ["type", "dialect", "accent"] {
                        if let value = attrs[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { extra[key] = value }
                    }
                    let label = attrs["name"]?.trimmingCharacters(in: .whitespaces)
                    declared.append((id, label?.isEmpty == false ? label : nil, extra))
                case "Section":
                    sections.append(attrs["topic"].flatMap { topics[$0] } ?? attrs["type"])
                    if isEmpty { sections.removeLast() }
                case "Turn":
                    let location = xml.location
                    let speakers = (attrs["speaker"] ?? "").split(separator: " ").map(String.init)
                    for speaker in speakers where !declared.contains(where: { $0.id == speaker }) {
                        throw .undeclaredSpeaker(location, speaker: speaker)
                    }
                    var start = try time(attrs["startTime"], at: location)
                    let end = try time(attrs["endTime"], at: location)
                    let (parts, firstSync) = isEmpty ? ([], nil) : try readTurn(xml, speakers: speakers.count, location: location)
                    start = start ?? firstSync
                    turns.append((speakers, start, end, sections.last ?? nil, parts, location))
                default:
                    continue
                }
            case .end(let name):
                if name == "Section", !sections.isEmpty { sections.removeLast() }
            case .text:
                continue
            }
        }
        guard sawRoot else { throw .unknownFormat(source.location(), detail: "no <Trans> root element") }

        // A speaker's label: the name, unless two speakers share it.
        let names = declared.compactMap(\.name)
        var labels: [String: String] = [:]
        for speaker in declared {
            let unique = speaker.name.map { name in names.filter { $0 == name }.count == 1 } ?? false
            labels[speaker.id] = unique ? speaker.name! : speaker.id
        }
        var utterances: [Utterance] = []
        var spoken: [String] = []
        var overlaps = 0
        for turn in turns {
            for (position, part) in turn.parts.enumerated() where !part.text.isEmpty {
                let speaker = part.who > 0 ? labels[turn.speakers[part.who - 1]] : turn.speakers.first.flatMap { labels[$0] }
                if let speaker, !spoken.contains(speaker) { spoken.append(speaker) }
                if position > 0 { overlaps += 1 }
                utterances.append(
                    Utterance(
                        index: utterances.count + 1, speakerID: speaker, start: turn.start, end: turn.end,
                        section: turn.section, text: part.text))
            }
        }
        guard !utterances.isEmpty else { throw .noUtterances(source.location()) }
        if overlaps > 0 { attributes["overlaps"] = String(overlaps) }
        let speakers = declared.map { Speaker(id: labels[$0.id]!, attributes: $0.attributes) }
            .filter { spoken.contains($0.id) }
            .sorted { spoken.firstIndex(of: $0.id)! < spoken.firstIndex(of: $1.id)! }
        let id = options.documentID ?? source.baseName
        let document = Document(
            id: id, title: id, format: .transcriber, sourcePath: source.path, contentHash: source.contentHash,
            attributes: attributes)
        return Transcript(document: document, speakers: speakers, utterances: utterances)
    }

    /// Reads a turn's content up to `</Turn>`: its text per `Who` part (0 before any `Who`), and
    /// the time of its first `Sync`.
    private func readTurn(
        _ xml: XMLStreamReader, speakers: Int, location: SourceLocation
    ) throws(IngestError) -> (parts: [(who: Int, text: String)], firstSync: Double?) {
        var parts: [(who: Int, text: String)] = []
        var who = 0
        var pending = ""
        var firstSync: Double?
        var depth = 1
        func flush() {
            let text = XMLStreamReader.collapseWhitespace(pending)
            if !text.isEmpty || who > 0 { parts.append((who, text)) }
            pending = ""
        }
        while let event = try xml.next() {
            switch event {
            case .start(let name, let attrs, let isEmpty):
                switch name {
                case "Sync":
                    let syncTime = try time(attrs["time"], at: xml.location)
                    if firstSync == nil { firstSync = syncTime }
                    pending += " "
                case "Who":
                    // `nb` counts the turn's speakers from 1; a turn that names no speakers has none to pick.
                    guard let number = attrs["nb"].flatMap(Int.init), number >= 1, number <= speakers else {
                        throw .undefinedReference(xml.location, element: "Who", attribute: "nb", value: attrs["nb"] ?? "")
                    }
                    flush()
                    who = number
                case "Event", "Comment", "Background":
                    pending += " "
                default:
                    break
                }
                if !isEmpty {
                    if ["Event", "Comment", "Background"].contains(name) {
                        try xml.skipElement(named: name, isEmpty: false)
                    } else {
                        depth += 1
                    }
                }
            case .end:
                depth -= 1
                if depth == 0 {
                    flush()
                    // Text before the first `Who` of a shared turn belongs to its first speaker.
                    if parts.count > 1, parts[0].who == 0 { parts[0].who = 1 }
                    return (parts, firstSync)
                }
            case .text(let text):
                pending += text
            }
        }
        flush()
        return (parts, firstSync)
    }

    private func time(_ value: String?, at location: SourceLocation) throws(IngestError) -> Double? {
        guard let value, !value.isEmpty else { return nil }
        guard let seconds = TimeCode.seconds(value) else { throw .invalidTime(location, value: value) }
        return seconds
    }
}
