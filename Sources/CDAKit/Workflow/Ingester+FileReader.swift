extension Ingester {
    /// A file read and not yet stored.
    struct Prepared: Sendable {
        var outcome: Outcome
        var transcript: Transcript?
        var words: TranscriptWords?
    }

    /// Reads one file of a run into a transcript with its words, on any thread: it never touches
    /// the project (what is stored already was looked up before the run).
    struct FileReader: Sendable {
        let options: Options
        let readOptions: ReadOptions
        /// The fingerprint of the options that change what is read, kept with each document.
        let fingerprint: String
        /// The files the project holds already.
        let stored: [StoredFile: DocumentSummary]

        /// Reads, parses and tokenises `path`; a file stored before with the same bytes, path and
        /// options is not read again.
        func prepare(_ path: String, foundInDirectory: Bool) -> Prepared {
            var outcome = Outcome(file: path, status: "failed", dryRun: options.dryRun)
            do {
                let source = try SourceFile(contentsOf: path)
                if options.documentID == nil, !options.replace,
                    let known = stored[StoredFile(contentHash: source.contentHash, sourcePath: path, readOptions: fingerprint)]
                {
                    // The same bytes were read before with the same options: nothing to read.
                    outcome.status = SaveOutcome.unchanged.rawValue
                    outcome.document = known.id
                    outcome.format = known.format
                    outcome.utterances = known.utterances
                    outcome.speakers = known.speakers
                    outcome.words = known.words
                    return Prepared(outcome: outcome)
                }
                let format = try options.format ?? FormatDetector.format(of: source)
                var transcript = try FormatDetector.reader(for: format).read(source, options: readOptions)
                if let group = options.group { transcript.document.attributes["group"] = group }
                if let session = options.session { transcript.document.attributes["session"] = session }
                let words = TranscriptWords(transcript)
                outcome.describe(transcript, format: format, counts: words.counts)
                outcome.status = "read"
                return Prepared(outcome: outcome, transcript: transcript, words: words)
            } catch IngestError.unknownFormat(_, let detail) where foundInDirectory {
                outcome.status = "skipped"
                outcome.note = detail
            } catch {
                outcome.error = String(describing: error)
            }
            return Prepared(outcome: outcome)
        }
    }
}
