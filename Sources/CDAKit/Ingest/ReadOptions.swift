/// What a reader needs beyond the file itself.
public struct ReadOptions: Sendable {
    /// The document id to use instead of the one the file names or implies.
    public var documentID: String?
    /// A regular expression for turn lines of plain text, with named groups
    /// `speaker` and `text`, and optionally `time`.
    public var speakerPattern: String?
    /// Known people by id (from `--persons`), used to name TEI speakers.
    public var persons: [String: Speaker]

    /// Creates options.
    public init(documentID: String? = nil, speakerPattern: String? = nil, persons: [String: Speaker] = [:]) {
        self.documentID = documentID
        self.speakerPattern = speakerPattern
        self.persons = persons
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
