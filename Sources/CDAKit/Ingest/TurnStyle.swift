/// How a plain-text file marks its turns, learned from the whole file before any line is read.
///
/// Researchers' transcripts mark turns in one of a few shapes, and a file keeps to its shape:
///
/// - **timed**: most turns start with a time (`[00:01:44] Chris: …`, `00:01:44 P03: …`). Every line
///   with a time and a label is a turn, however often the label occurs; a bare leading time
///   (`1:57 …`) is a time only in such a file or before a clear label (`00:00:07 [Bob] …`).
/// - **paragraphs**: turns start paragraphs (a blank line before each `Label:`). Every label-shaped
///   line that starts a paragraph is a turn; one *inside* a paragraph (`Let op: dat zijn er meer`)
///   stays text unless its label is a speaker the file shows elsewhere.
/// - **lines**: one turn per line, without blank lines between them.
///
/// A label is *clear* when it is declared (header or `--speakers`/`--moderator`), holds a digit,
/// occurs twice or more, or opens a timed turn; the style is the shape most clear turns have. A label
/// seen once is a speaker when the file's shape says so and it looks like a name (`Chris`,
/// `Mevrouw de Vries`, not `Let op`); in a one-turn-per-line file it must also not follow a line
/// ending in a colon (`We zien dit:` / `Dus: niet zomaar.`) and the file must rarely wrap turns
/// over several lines. Every label-shaped line read as text is reported as a `ReadNotice`.
struct TurnStyle {
    /// The shapes a file's turns can take.
    enum Shape: String {
        case timed, paragraphs, lines
    }

    /// What one candidate line turned out to be.
    enum Reading {
        /// A turn of `label` (or of an unknown speaker when `nil`), starting at `time`.
        case turn(label: String?, time: Double?, text: Substring)
        /// Text continuing the current turn or paragraph; `stamp` is a bracketed time it carried.
        case text(Substring, stamp: Double?)
    }

    /// A line of the file's body as the reader saw it.
    struct Candidate {
        /// The 1-based line number.
        var line: Int
        /// The possible turn start.
        var turn: TurnLine
        /// Whether a blank line, a section line or the header comes right before it.
        var startsParagraph: Bool
        /// Whether the nearest line above it ends with a colon.
        var followsColon: Bool
    }

    /// The shape the file's turns have.
    let shape: Shape
    /// The reading of each candidate, in the order given.
    let readings: [Reading]
    /// What was read as text although it looked like a turn, in file order.
    let notices: [ReadNotice]

    /// Decides how to read every candidate line of one file.
    ///
    /// - Parameters:
    ///   - candidates: The lines that could start a turn, in file order.
    ///   - continuationLines: How many body lines are plain text (neither blank nor a candidate).
    ///   - paragraphs: How many paragraphs the body has (runs of lines between blank lines).
    ///   - declared: Labels declared by the header or on the command line.
    ///   - strict: Whether the speakers were listed (`speakers:` or `--speakers`): then only
    ///     declared labels start turns.
    ///   - file: The file's name, for notices.
    /// - Throws: `IngestError.undeclaredSpeaker` when speakers were listed and a label holding a digit
    ///   (`P07`) is not among them: a speaker left out of the list, not a sentence.
    init(candidates: [Candidate], continuationLines: Int, paragraphs: Int, declared: Set<String>, strict: Bool, file: String)
        throws(IngestError)
    {
        var uses: [String: Int] = [:]
        var timedLabels: Set<String> = []
        var timeLed = 0
        for candidate in candidates {
            if candidate.turn.time != nil { timeLed += 1 }
            guard let label = candidate.turn.label else { continue }
            uses[label, default: 0] += 1
            if candidate.turn.timeIsBracketed { timedLabels.insert(label) }
        }
        func isClear(_ label: String) -> Bool {
            declared.contains(label) || label.contains(where: \.isNumber) || uses[label, default: 0] >= 2 || timedLabels.contains(label)
        }
        let clear = candidates.filter { $0.turn.label.map(isClear) ?? false }
        let labelled = candidates.filter { $0.turn.label != nil }
        let untimedClear = clear.filter { $0.turn.time == nil }.count
        let paragraphStarts = clear.filter(\.startsParagraph).count
        // With no labels at all, a file is timed when most of its paragraphs start with a time.
        let turnStarts = labelled.isEmpty ? paragraphs : timeLed + untimedClear
        if timeLed >= 2 && timeLed * 2 >= turnStarts {
            shape = .timed
        } else if paragraphStarts >= 2 && paragraphStarts * 2 > clear.count {
            shape = .paragraphs
        } else {
            shape = .lines
        }
        let dense = continuationLines * 10 <= labelled.count
        let paragraphLabels = Set(clear.filter(\.startsParagraph).compactMap(\.turn.label))

        var readings: [Reading] = []
        var notices: [ReadNotice] = []
        readings.reserveCapacity(candidates.count)
        for candidate in candidates {
            let turn = candidate.turn
            // A bare leading time holds in a timed file, or before the label of a clear speaker.
            let timeHolds = turn.time != nil && (turn.timeIsBracketed || shape == .timed || turn.label.map(isClear) == true)
            let time = timeHolds ? turn.time : nil
            guard let label = turn.label, timeHolds || turn.time == nil else {
                // No label, or a bare time in a file whose turns carry no times: the time is words.
                if turn.time != nil && !timeHolds {
                    notices.append(
                        ReadNotice(
                            .timeReadAsText, at: SourceLocation(file: file, line: candidate.line),
                            "a time at the start of the line was read as words, since this file's turns do not start with times"))
                    readings.append(.text(turn.fromTime ?? turn.text, stamp: nil))
                } else if shape == .timed {
                    readings.append(.turn(label: nil, time: time, text: turn.text))
                } else {
                    readings.append(.text(turn.text, stamp: time))
                }
                continue
            }
            let isTurn: Bool
            if strict {
                if !declared.contains(label) && label.contains(where: \.isNumber) {
                    throw .undeclaredSpeaker(SourceLocation(file: file, line: candidate.line, column: 1), speaker: label)
                }
                isTurn = declared.contains(label)
            } else if time != nil {
                isTurn = true
            } else {
                isTurn = Self.isTurn(
                    candidate, label: label, shape: shape, clear: isClear(label), dense: dense,
                    knownSpeaker: declared.contains(label) || timedLabels.contains(label) || paragraphLabels.contains(label)
                        || label.contains(where: \.isNumber))
            }
            if isTurn {
                readings.append(.turn(label: label, time: time, text: turn.text))
            } else {
                let shown = turn.labelIsBracketed ? "[\(label)]" : "\(label):"
                notices.append(
                    ReadNotice(
                        .labelReadAsText, at: SourceLocation(file: file, line: candidate.line),
                        "'\(shown)' read as text, not as a speaker (use --speakers to declare speakers)"))
                readings.append(.text(time == nil ? turn.textWithoutSpeaker : turn.fromLabel ?? turn.text, stamp: time))
            }
        }
        self.readings = readings
        self.notices = notices
    }

    /// Whether an untimed label line starts a turn in a file of `shape`.
    private static func isTurn(
        _ candidate: Candidate, label: String, shape: Shape, clear: Bool, dense: Bool, knownSpeaker: Bool
    ) -> Bool {
        switch shape {
        case .timed:
            return clear
        case .paragraphs:
            if candidate.startsParagraph { return clear || SpeakerLabel.looksLikeName(label) }
            return knownSpeaker
        case .lines:
            if clear { return true }
            return dense && !candidate.followsColon && SpeakerLabel.looksLikeName(label)
        }
    }
}
