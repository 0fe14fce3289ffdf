/// A document with its speakers and utterances, as a reader produces it.
public struct Transcript: Sendable, Hashable {
    /// The document.
    public var document: Document
    /// The speakers the file declares or uses, in order of first appearance.
    public var speakers: [Speaker]
    /// The utterances, indexed from 1 in order.
    public var utterances: [Utterance]
    /// What the reader decided on its own while reading (labels read as text, an encoding guessed),
    /// in file order. Not stored: it is reported at ingest.
    public var notices: [ReadNotice]

    /// Creates a transcript.
    public init(document: Document, speakers: [Speaker], utterances: [Utterance], notices: [ReadNotice] = []) {
        self.document = document
        self.speakers = speakers
        self.utterances = utterances
        self.notices = notices
    }
}
