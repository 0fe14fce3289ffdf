/// A transcript's words, tokenised before it is stored, so that reading and tokenising can run on
/// another core than the database writes: per utterance its word and scalar counts, and per word
/// its span and lowercase form (see `Tokenizer.forEachLowercaseWord`).
public struct TranscriptWords: Sendable {
    /// One word: its place and where its form ends in `forms`.
    struct Word: Sendable {
        var start: Int32
        var length: Int32
        var formEnd: Int32
    }

    /// Per utterance, in order: its words and Unicode scalars.
    public private(set) var counts: [(words: Int, scalars: Int)] = []
    /// All words' lowercase forms, one after another.
    private var forms: [UInt8] = []
    private var words: [Word] = []
    /// Per utterance, the index in `words` just past its last word.
    private var utteranceEnds: [Int] = []

    /// Tokenises every utterance of `transcript`.
    ///
    /// - Complexity: O(*n*) in the transcript's UTF-8 length.
    public init(_ transcript: Transcript) {
        counts.reserveCapacity(transcript.utterances.count)
        utteranceEnds.reserveCapacity(transcript.utterances.count)
        for utterance in transcript.utterances {
            let first = words.count
            let scalars = Tokenizer.forEachLowercaseWord(in: utterance.text) { span, form in
                forms.append(contentsOf: form)
                words.append(Word(start: Int32(span.start), length: Int32(span.end - span.start), formEnd: Int32(forms.count)))
            }
            counts.append((words.count - first, scalars))
            utteranceEnds.append(words.count)
        }
    }

    /// Calls `body` with each word of utterance `index` (0-based, in transcript order): its span and form.
    func forEachWord(ofUtterance index: Int, _ body: (Tokenizer.Span, UnsafeBufferPointer<UInt8>) -> Void) {
        let first = index == 0 ? 0 : utteranceEnds[index - 1]
        forms.withUnsafeBufferPointer { forms in
            for position in first..<utteranceEnds[index] {
                let word = words[position]
                let formStart = position == 0 ? 0 : Int(words[position - 1].formEnd)
                body(
                    Tokenizer.Span(start: Int(word.start), end: Int(word.start + word.length)),
                    UnsafeBufferPointer(rebasing: forms[formStart..<Int(word.formEnd)]))
            }
        }
    }
}
