/// A transcript's words, tokenised before it is stored, so that reading and tokenising can run on
/// another core than the database writes: per utterance its word and scalar counts, and per word
/// its span and lowercase form (see `Tokenizer.forEachLowercaseWord`).
///
/// Forms are interned per transcript, so that storing looks each distinct form of the transcript
/// up in the project's vocabulary once, not once per word.
public struct TranscriptWords: Sendable {
    /// One word: where it stands and its form's id in `forms`.
    struct Word: Sendable {
        var start: Int32
        var length: Int32
        var form: Int32
    }

    /// Per utterance, in order: its words and Unicode scalars.
    public private(set) var counts: [(words: Int, scalars: Int)] = []
    /// The distinct lowercase forms, with ids 0, 1, 2, … in order of first sight.
    private(set) var forms = ByteInterner()
    /// Every word, utterance after utterance.
    private(set) var words: [Word] = []
    /// Per utterance, the index in `words` just past its last word.
    private(set) var utteranceEnds: [Int] = []

    /// Tokenises every utterance of `transcript`.
    ///
    /// - Complexity: O(*n*) in the transcript's UTF-8 length.
    public init(_ transcript: Transcript) {
        counts.reserveCapacity(transcript.utterances.count)
        utteranceEnds.reserveCapacity(transcript.utterances.count)
        for utterance in transcript.utterances {
            let first = words.count
            let scalars = Tokenizer.forEachLowercaseWord(in: utterance.text) { span, form in
                let id = forms.intern(form).id
                words.append(Word(start: Int32(span.start), length: Int32(span.end - span.start), form: id))
            }
            counts.append((words.count - first, scalars))
            utteranceEnds.append(words.count)
        }
    }

    /// The words with vocabulary ids, utterance after utterance, given each form's vocabulary id
    /// (`ids[form]`), for `TokenBlob.encode(_:utteranceEnds:)`.
    func tokens(ids: [Int32]) -> [IndexedToken] {
        words.map { IndexedToken(word: ids[Int($0.form)], start: $0.start, length: $0.length) }
    }
}
