/// Why a transcript could not be read or stored.
///
/// Messages name the file and position, never the transcript's text.
public enum IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(SourceLocation, reason: String)
    /// The file has no content.
    case emptyFile(SourceLocation)
    /// The file holds NUL bytes: a binary file, or UTF-16 text without a byte order mark.
    case binaryContent(SourceLocation)
    /// A byte sequence is not valid UTF-8.
    case invalidUTF8(SourceLocation)
    /// The bytes are not valid in the encoding the user named with `--encoding` (other than UTF-8,
    /// which is `invalidUTF8`): an odd byte or a lone surrogate in UTF-16, or a byte Windows-1252
    /// leaves undefined.
    case invalidEncoding(SourceLocation, encoding: TextEncoding)
    /// The format could not be recognised from the extension or the XML root element.
    case unknownFormat(SourceLocation, detail: String)
    /// The XML is not well-formed, or libxml2 refused it.
    case malformedXML(SourceLocation, message: String)
    /// The XML uses an entity declared in a DTD, which `cda` never expands.
    case entityNotAllowed(SourceLocation, name: String)
    /// The XML declares entities in its DTD (the vehicle of entity attacks), which `cda` refuses.
    case entityDeclarations(SourceLocation)
    /// A required attribute is missing.
    case missingAttribute(SourceLocation, element: String, attribute: String)
    /// A turn names a speaker that the file does not declare.
    case undeclaredSpeaker(SourceLocation, speaker: String)
    /// A time could not be read.
    case invalidTime(SourceLocation, value: String)
    /// The file was read but holds no utterance.
    case noUtterances(SourceLocation)
    /// The custom speaker pattern is not a usable regular expression.
    case invalidSpeakerPattern(String, reason: String)
    /// A document with this id exists with different content.
    case documentChanged(SourceLocation, documentID: String)
    /// `--replace` was asked for a document that codings point into.
    case documentHasCodings(SourceLocation, documentID: String, codings: Int)
    /// The file is larger than `cda` accepts.
    case fileTooLarge(SourceLocation, bytes: Int, limit: Int)
    /// A line of a text file is longer than `cda` accepts.
    case lineTooLong(SourceLocation, limit: Int)
    /// The XML asks to include another file (XInclude), which `cda` never does.
    case includeNotAllowed(SourceLocation)
    /// An element refers to an id (a time slot, a speaker) that the file does not define.
    case undefinedReference(SourceLocation, element: String, attribute: String, value: String)
    /// Two files of one ingest would be stored as the same document.
    case documentIDCollision(documentID: String, files: [String])

    /// Where the problem is.
    public var location: SourceLocation? {
        switch self {
        case .unreadable(let l, _), .emptyFile(let l), .binaryContent(let l), .invalidUTF8(let l), .invalidEncoding(let l, _),
            .unknownFormat(let l, _), .malformedXML(let l, _), .entityNotAllowed(let l, _),
            .missingAttribute(let l, _, _), .undeclaredSpeaker(let l, _), .invalidTime(let l, _),
            .noUtterances(let l), .documentChanged(let l, _), .documentHasCodings(let l, _, _),
            .fileTooLarge(let l, _, _), .lineTooLong(let l, _), .includeNotAllowed(let l), .entityDeclarations(let l),
            .undefinedReference(let l, _, _, _):
            return l
        case .invalidSpeakerPattern:
            return nil
        case .documentIDCollision(_, let files):
            return SourceLocation(file: files[0])
        }
    }

    /// `FILE:LINE:COL: message`, in words a researcher understands.
    public var description: String {
        switch self {
        case .unreadable(let l, let reason):
            return "\(l): cannot read the file (\(reason))"
        case .emptyFile(let l):
            return "\(l): the file is empty"
        case .binaryContent(let l):
            return
                "\(l): the file contains NUL bytes; it looks like a binary file or UTF-16 text without a byte order mark. Save it as UTF-8 text."
        case .invalidUTF8(let l):
            return "\(l): invalid UTF-8 byte sequence. Save the file as UTF-8."
        case .invalidEncoding(let l, let encoding):
            let names = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
            return
                "\(l): the file is not valid \(encoding.rawValue) text here. Name its real encoding with --encoding (\(names)), or save it as UTF-8."
        case .unknownFormat(let l, let detail):
            return "\(l): unknown transcript format (\(detail)). Use --format text|tei|xml|vtt|srt|eaf|trs|chat."
        case .malformedXML(let l, let message):
            let lowered = message.lowercased()
            if lowered.contains("entity") && (lowered.contains("loop") || lowered.contains("amplification") || lowered.contains("huge")) {
                return
                    "\(l): XML error: \(message) — the document's DTD defines entities that expand without limit (an entity bomb); cda refuses it"
            }
            return "\(l): XML error: \(message)"
        case .entityNotAllowed(let l, let name):
            return
                "\(l): the entity '&\(name);' is declared in a DTD; cda never expands such entities, for safety. Replace it with plain text."
        case .entityDeclarations(let l):
            return
                "\(l): the document declares entities in its DTD (<!ENTITY …>); cda never expands DTD entities, for safety. Remove the declarations and write the text out."
        case .missingAttribute(let l, let element, let attribute):
            return "\(l): <\(element)> needs a '\(attribute)' attribute"
        case .undeclaredSpeaker(let l, let speaker):
            if speaker.isEmpty { return "\(l): the turn names no speaker" }
            return "\(l): speaker '\(speaker)' is not declared in the file's speaker list (<speakers>, '# speakers:' or @Participants)"
        case .invalidTime(let l, let value):
            return "\(l): '\(value)' is not a time; write HH:MM:SS, MM:SS or seconds (in a CHAT media bullet: START_END in milliseconds)"
        case .noUtterances(let l):
            return "\(l): no utterances found"
        case .invalidSpeakerPattern(let pattern, let reason):
            return "--speaker-pattern '\(pattern)': \(reason)"
        case .documentChanged(let l, let id):
            return
                "\(l): document '\(id)' already exists with different content; use --replace to replace it, or --id to ingest it as a new document"
        case .documentHasCodings(let l, let id, let codings):
            return
                "\(l): cannot replace document '\(id)': \(codings) coding(s) point into it. Remove them first (cda code remove --doc \(id) --all)."
        case .fileTooLarge(let l, let bytes, let limit):
            return "\(l): the file has \(bytes) bytes, more than the limit of \(limit)"
        case .lineTooLong(let l, let limit):
            return "\(l): the line is longer than \(limit) bytes; a transcript line this long is not a turn. Check the file's line breaks."
        case .includeNotAllowed(let l):
            return
                "\(l): the document uses XInclude to pull in another file; cda never includes files, for safety. Merge the files yourself."
        case .documentIDCollision(let id, let files):
            let names = files.map { "'\($0)'" }.joined(separator: " and ")
            return
                "\(names) would both become document '\(id)'; nothing was ingested. Ingest them one at a time with --id, or give one an '# id:' header line."
        case .undefinedReference(let l, let element, let attribute, let value):
            return "\(l): <\(element)> \(attribute)='\(value)' refers to nothing the file defines"
        }
    }
}
