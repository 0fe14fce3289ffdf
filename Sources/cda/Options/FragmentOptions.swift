import ArgumentParser
import CDAKit

/// The fragment flags, declared once: `--doc`, `--utterance`, `--to-utterance`, `--start`,
/// `--end`. All optional here, so `code remove` can name a document alone; commands that point at
/// one fragment use `FragmentOptions`, which requires a document and an utterance.
struct FragmentPlace: ParsableArguments {
    @Option(name: .customLong("doc"), help: "The document id.")
    var document: String?

    @Option(help: "The utterance (1-based).")
    var utterance: Int?

    @Option(name: .customLong("to-utterance"), help: "The last utterance, for a fragment over consecutive utterances.")
    var toUtterance: Int?

    @Option(help: "Start offset inside the first utterance (Unicode code points, from 0).")
    var start: Int?

    @Option(help: "End offset inside the last utterance (exclusive).")
    var end: Int?

    func validate() throws {
        try Bounds.check(utterance, "--utterance", Bounds.utterance)
        try Bounds.check(toUtterance, "--to-utterance", Bounds.utterance)
        try Bounds.check(start, "--start", Bounds.offset)
        try Bounds.check(end, "--end", Bounds.offset)
        if (start == nil) != (end == nil) { throw ValidationError("Give both --start and --end, or neither (whole utterances).") }
        if let toUtterance, let utterance, toUtterance < utterance {
            throw ValidationError("--to-utterance must not be before --utterance.")
        }
    }

    /// The fragment the flags name, when they name a document and an utterance.
    var fragment: CDAKitFragment? {
        guard let document, let utterance else { return nil }
        return CDAKitFragment(
            documentID: document, startUtterance: utterance, startOffset: start, endUtterance: toUtterance, endOffset: end)
    }
}

/// The flags of commands that point at one fragment: a document and an utterance are required.
struct FragmentOptions: ParsableArguments {
    @OptionGroup var place: FragmentPlace

    func validate() throws {
        if place.document == nil { throw ValidationError("Missing expected argument '--doc <doc>'") }
        if place.utterance == nil { throw ValidationError("Missing expected argument '--utterance <utterance>'") }
    }

    /// The fragment.
    var fragment: CDAKitFragment {
        guard let fragment = place.fragment else { preconditionFailure("validate() requires --doc and --utterance") }
        return fragment
    }
}
