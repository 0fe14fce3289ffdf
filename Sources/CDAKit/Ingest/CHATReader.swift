import Foundation

/// Reads CHAT transcripts (`.cha`), the format of CHILDES, AphasiaBank and the other TalkBank corpora.
///
/// ```
/// @UTF8
/// @Begin
/// @Languages:	nld
/// @Participants:	GL Gespreksleider Investigator, P01 Ans Participant,
/// 	ENV Environment
/// @ID:	nld|werkplaats|P01|45;|female|burgers||Participant|||
/// @Bg:	plenair
/// *GL:	welkom allemaal . •0_4200•
/// %com:	iedereen zit al
/// *P01:	ik vind één loket belangrijk &=lacht
/// 	maar dan wel met een mens erachter . •4200_9850•
/// @Eg:	plenair
/// @End
/// ```
/// (`•` stands for U+0015, the character that delimits a CHAT media bullet.)
///
/// - **Bounds:** only the lines between `@Begin` and `@End` are read (the whole file when it has no
///   `@Begin`); `@UTF8`, `@Font` and the like before `@Begin` are skipped, lines after `@End` are
///   left out with a notice. A line that starts with a tab continues the header or tier above it.
/// - **Speakers:** `@Participants` declares them, comma-separated, as `CODE Name Role` or
///   `CODE Role`; the code is the speaker id, the CHAT role is kept as the attribute `role`, and
///   `@ID` adds `language`, `corpus`, `age`, `sex`, `group`, `ses`, `education` and `custom`
///   when they are not empty. A CHAT `group` is the speaker's own group, which wins over the
///   document's. Declared speakers who never speak stay in the list.
/// - **Roles:** `Investigator`, `Interviewer`, `Teacher`, `Therapist` (and `Moderator`, `Chair`,
///   `Facilitator`, or a code in `ReadOptions.moderators`) make a moderator. Pseudo-participants —
///   role `Environment`, `Non_Human`, `Media` or `Observer`, or the code `ENV` — make an observer:
///   their tiers are kept as utterances (events, not talk) but, like an observer's, left out of
///   every count unless asked for; a notice says so. Every other role is a participant.
/// - **Utterances:** each main tier (`*CODE:`) with its continuation lines is one utterance of
///   CODE; a code that `@Participants` does not declare is an error. The text is kept as the
///   transcriber wrote it — CHAT codes such as `&=laughs`, `[>]`, `+…` or `xxx` stay, and the
///   tokenizer counts the letters in them as words (`&=laughs` and `xxx` one each, `[>]` none) —
///   except that media bullets are removed and runs of white space collapse to one space. A main
///   tier left empty by that is skipped.
/// - **Times:** a media bullet `•START_END•` holds milliseconds; an utterance starts at the
///   smallest start and ends at the largest end of its bullets, in seconds.
/// - **Sections:** gems set the section: `@Bg:` opens one named by its label, `@Eg:` closes it,
///   `@G:` names a lazy gem that lasts until the next; a gem without a label is called `gem N`,
///   N counting the file's `@Bg` and `@G` headers from 1.
/// - **Document attributes:** `@Languages`, `@Date`, `@Location`, `@Situation` and `@Media`, under
///   their lowercase names. `@Comment` and other headers are left out.
/// - **Dependent tiers** (`%mor`, `%com`, `%xsid`, …) are left out, since an utterance holds only
///   what was said; a notice names the tiers and how many there were.
public struct CHATReader: TranscriptReader {
    /// Creates a reader.
    public init() {}

    /// `.chat`.
    public var format: DocumentFormat { .chat }

    /// Reads a CHAT file.
    ///
    /// - Throws: `IngestError.emptyFile`, `.binaryContent`, `.invalidUTF8`, `.lineTooLong`,
    ///   `.undeclaredSpeaker` (a main tier by a code `@Participants` does not declare, or with no
    ///   code at all), `.invalidTime` (a malformed media bullet) or `.noUtterances`.
    public func read(_ source: SourceFile, options: ReadOptions) throws(IngestError) -> Transcript {
        let decoded = try TextDecoding.decode(source, encoding: options.encoding)
        var notices = decoded.notices
        let lines = Line.group(TextDecoding.lines(of: decoded.text), source: source, notices: &notices)

        var headers = Headers()
        var gems = Gems()
        var utterances: [Utterance] = []
        var dependentTiers: [String: Int] = [:]
        var firstDependentLine: Int?
        for line in lines {
            switch line.kind {
            case .header(let name):
                let value = line.joinedContent
                if !gems.read(header: name, value: value) {
                    headers.read(header: name, value: value, line: line.number, source: source, notices: &notices)
                }
            case .mainTier(let code):
                guard headers.declares(code) || options.speakers.contains(code) else {
                    throw .undeclaredSpeaker(source.location(line: line.number, column: 2), speaker: code)
                }
                let timed = try line.textAndTimes(source: source)
                guard !timed.text.isEmpty else { continue }
                utterances.append(
                    Utterance(
                        index: utterances.count + 1, speakerID: code, start: timed.start, end: timed.end,
                        section: gems.section, text: timed.text))
            case .dependentTier(let name):
                dependentTiers[name, default: 0] += 1
                if firstDependentLine == nil { firstDependentLine = line.number }
            }
        }
        guard !utterances.isEmpty else { throw .noUtterances(source.location()) }

        if let first = firstDependentLine {
            let counts = dependentTiers.sorted { $0.key < $1.key }.map { "%\($0.key) ×\($0.value)" }
            notices.append(
                ReadNotice(
                    .other, at: source.location(line: first),
                    "dependent tiers left out (\(counts.joined(separator: ", "))): cda keeps what the main tiers say"))
        }
        let speakers = headers.speakers(extra: options.speakers, moderators: Set(options.moderators))
        for speaker in speakers where speaker.role == .observer {
            let tiers = utterances.filter { $0.speakerID == speaker.id }.count
            let role = speaker.attributes["role"].map { " (role '\($0)')" } ?? ""
            notices.append(
                ReadNotice(
                    .event, at: source.location(line: headers.participantsLine),
                    "'\(speaker.id)'\(role) is not a conversation participant: its \(tiers) tier(s) are kept as an observer's events, left out of counts unless --include-moderators is given"
                ))
        }
        let document = source.document(format: .chat, attributes: headers.attributes, options: options)
        return Transcript(document: document, speakers: speakers, utterances: utterances, notices: notices)
    }
}
