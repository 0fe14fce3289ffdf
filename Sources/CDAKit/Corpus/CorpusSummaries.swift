/// A document with its counts, as `cda documents` lists it.
public struct DocumentSummary: Sendable, Hashable, Codable {
    /// The document id.
    public var id: String
    /// The title.
    public var title: String
    /// The format it was read from.
    public var format: DocumentFormat
    /// The `group` attribute, if any.
    public var group: String?
    /// The `session` attribute, if any.
    public var session: String?
    /// The number of utterances.
    public var utterances: Int
    /// The number of distinct known speakers.
    public var speakers: Int
    /// The number of words, by the project tokenizer.
    public var words: Int
    /// All document attributes.
    public var attributes: [String: String]
    /// The source path given at ingest.
    public var sourcePath: String
}

/// A speaker with their counts, as `cda speakers` lists them.
public struct SpeakerSummary: Sendable, Hashable, Codable {
    /// The speaker id.
    public var id: String
    /// The display name.
    public var name: String
    /// The role.
    public var role: SpeakerRole
    /// The speaker's own `group`, else the groups of the documents they speak in, joined by commas.
    public var group: String?
    /// The number of documents they speak in.
    public var documents: Int
    /// The number of their utterances.
    public var utterances: Int
    /// The number of their words.
    public var words: Int
    /// Their attributes.
    public var attributes: [String: String]
}

/// One utterance as `cda show` prints it.
public struct UtteranceView: Sendable, Hashable, Codable {
    /// The 1-based index in the document.
    public var index: Int
    /// The speaker id, if known.
    public var speaker: String?
    /// The speaker's role, if known.
    public var role: SpeakerRole?
    /// Start time in seconds.
    public var start: Double?
    /// End time in seconds: the transcript's, else the next utterance's start.
    public var end: Double?
    /// The section.
    public var section: String?
    /// The text.
    public var text: String
    /// Words by the project tokenizer.
    public var words: Int

    /// The text's length in Unicode scalars (code points), the unit of every offset.
    public var length: Int { text.unicodeScalars.count }
}

/// What storing one transcript did.
public enum SaveOutcome: String, Sendable, Hashable, Codable {
    /// A new document was stored.
    case ingested
    /// The same file was stored before; nothing changed.
    case unchanged
    /// An earlier version of the document was replaced.
    case replaced
    /// A coded document was revised: its codings were carried to the new text.
    case revised
    /// A revision was refused because codings had no counterpart (`--on-conflict refuse`).
    case refused
}
