import ArgumentParser
import Foundation
import CDAKit

typealias CDAKitFragment = CDAKit.Fragment

/// `--coder NAME`: who is coding (default: $CDA_CODER, else $USER, else `analyst`).
struct CoderOptions: ParsableArguments {
    @Option(help: "Who is coding (default: $CDA_CODER, else $USER).")
    var coder: String?

    /// The coder after defaults.
    var name: String {
        let environment = ProcessInfo.processInfo.environment
        return coder ?? environment["CDA_CODER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "analyst"
    }
}

/// The fragment flags shared by commands that point at text.
struct FragmentOptions: ParsableArguments {
    @Option(name: .customLong("doc"), help: "The document id.")
    var document: String

    @Option(help: "The utterance (1-based).")
    var utterance: Int

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
        if let toUtterance, toUtterance < utterance { throw ValidationError("--to-utterance must not be before --utterance.") }
    }

    var fragment: CDAKitFragment {
        CDAKitFragment(documentID: document, startUtterance: utterance, startOffset: start, endUtterance: toUtterance, endOffset: end)
    }
}
