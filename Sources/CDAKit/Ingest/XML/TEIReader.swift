import Foundation

/// Reads TEI transcripts in the ParlaMint style.
///
/// Each `<u who="#id" ana="#chair|#regular">` becomes one utterance: the text of its `<seg>`s
/// joined with a space (their `xml:id`s kept as the source reference), with notes, gaps,
/// kinesics, incidents and other non-speech left out. Speakers are named from a `listPerson`
/// in the header or from the person list given with `--persons`; `#chair` makes a moderator.
/// The document id is the root's `xml:id`.
public struct TEIReader: TranscriptReader {
    /// Elements inside an utterance that are not speech.
    static let nonSpeech: Set<String> = ["note", "gap", "kinesic", "incident", "vocal", "desc", "pause", "shift", "writing"]

    /// Creates a reader.
    public init() {}

    /// `.tei`.
    public var format: DocumentFormat { .tei }

    /// Reads a TEI document.
    ///
    /// - Throws: `IngestError.malformedXML`, `.entityNotAllowed`, `.unknownFormat` or `.noUtterances`.
    public func read(_ source: SourceFile, options: ReadOptions) throws(IngestError) -> Transcript {
        let xml = try XMLStreamReader(source)
        var rootID: String?
        var language: String?
        var titles: [(lang: String?, text: String)] = []
        var date: String?
        var people = options.persons
        var speakerOrder: [String] = []
        var roles: [String: SpeakerRole] = [:]
        var utterances: [Utterance] = []
        var sawRoot = false
        var path: [String] = []
        var divTypes: [String?] = []
        while let event = try xml.next() {
            switch event {
            case .start(let name, let attributes, let isEmpty):
                if !sawRoot {
                    guard name == "TEI" else {
                        let detail =
                            name == "teiCorpus"
                            ? "a <teiCorpus> root; ingest its component files"
                            : "root element <\(name)>, expected <TEI>"
                        throw .unknownFormat(xml.location, detail: detail)
                    }
                    sawRoot = true
                    rootID = attributes["xml:id"]
                    language = attributes["xml:lang"]
                    path.append(name)
                    continue
                }
                switch name {
                case "title" where path.last == "titleStmt" && path.contains("teiHeader"):
                    let type = attributes["type"]
                    let text = isEmpty ? "" : try xml.readText()
                    if type == nil || type == "main", !text.isEmpty { titles.append((attributes["xml:lang"], text)) }
                    continue
                case "date" where path.last == "setting":
                    date = attributes["when"]
                case "person":
                    if let person = try PersonListReader.readPerson(xml, attributes: attributes, isEmpty: isEmpty),
                        people[person.id] == nil
                    {
                        people[person.id] = person
                    }
                    continue
                case "u":
                    let speaker = attributes["who"].map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
                    let isChair = attributes["ana"]?.split(separator: " ").contains("#chair") ?? false
                    var segments: [String] = []
                    let text =
                        isEmpty
                        ? ""
                        : try xml.readText(skipping: Self.nonSpeech) { child, attrs in
                            if child == "seg", let id = attrs["xml:id"] { segments.append(id) }
                        }
                    if let speaker {
                        if !speakerOrder.contains(speaker) { speakerOrder.append(speaker) }
                        if isChair { roles[speaker] = .moderator } else if roles[speaker] == nil { roles[speaker] = .participant }
                    }
                    guard !text.isEmpty else { continue }
                    let reference = segments.isEmpty ? attributes["xml:id"] : segments.joined(separator: " ")
                    utterances.append(
                        Utterance(
                            index: utterances.count + 1, speakerID: speaker,
                            section: divTypes.last ?? nil, text: text, sourceReference: reference))
                    continue
                case "div":
                    divTypes.append(attributes["type"])
                default:
                    break
                }
                if !isEmpty { path.append(name) } else if name == "div" { divTypes.removeLast() }
            case .end(let name):
                if name == "div", !divTypes.isEmpty { divTypes.removeLast() }
                if path.last == name { path.removeLast() }
            case .text:
                continue
            }
        }
        guard !utterances.isEmpty else { throw .noUtterances(source.location()) }
        let speakers = speakerOrder.map { id in
            var speaker = people[id] ?? Speaker(id: id)
            speaker.role = roles[id] ?? .participant
            return speaker
        }
        let id = options.documentID ?? rootID ?? source.baseName
        let title = titles.first(where: { $0.lang == language })?.text ?? titles.first?.text ?? id
        var attributes: [String: String] = [:]
        attributes["language"] = language
        attributes["date"] = date
        let document = Document(
            id: id, title: title, format: .tei, sourcePath: source.path,
            contentHash: source.contentHash, attributes: attributes)
        return Transcript(document: document, speakers: speakers, utterances: utterances)
    }
}
