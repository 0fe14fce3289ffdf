/// What a reader needs beyond the file itself.
public struct ReadOptions: Sendable, Hashable {
    /// The document id to use instead of the one the file names or implies.
    public var documentID: String?
    /// A regular expression for turn lines of plain text, with named groups
    /// `speaker` and `text`, and optionally `time`.
    public var speakerPattern: String?
    /// Known people by id (from `--persons`), used to name TEI speakers.
    public var persons: [String: Speaker]
    /// The text encoding of a text, SRT or VTT file (`--encoding`); `nil` detects it.
    public var encoding: TextEncoding?
    /// Speaker labels declared on the command line (`--speakers`), as if the file's header named them.
    public var speakers: [String]
    /// Moderator labels declared on the command line (`--moderator`), as if the file's header named them.
    public var moderators: [String]

    /// Creates options.
    public init(
        documentID: String? = nil, speakerPattern: String? = nil, persons: [String: Speaker] = [:],
        encoding: TextEncoding? = nil, speakers: [String] = [], moderators: [String] = []
    ) {
        self.documentID = documentID
        self.speakerPattern = speakerPattern
        self.persons = persons
        self.encoding = encoding
        self.speakers = speakers
        self.moderators = moderators
    }
}

/// Reads one transcript format into the corpus model.
public protocol TranscriptReader: Sendable {
    /// The format this reader handles.
    var format: DocumentFormat { get }

    /// Reads a whole transcript.
    ///
    /// - Throws: `IngestError` naming the file and position of the first problem.
    func read(_ source: SourceFile, options: ReadOptions) throws(IngestError) -> Transcript
}
