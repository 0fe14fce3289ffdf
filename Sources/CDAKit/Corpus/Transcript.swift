/// A document with its speakers and utterances, as a reader produces it.
public struct Transcript: Sendable, Hashable {
    /// The document.
    public var document: Document
    /// The speakers the file declares or uses, in order of first appearance.
    public var speakers: [Speaker]
    /// The utterances, indexed from 1 in order.
    public var utterances: [Utterance]

    /// Creates a transcript.
    public init(document: Document, speakers: [Speaker], utterances: [Utterance]) {
        self.document = document
        self.speakers = speakers
        self.utterances = utterances
    }
}
