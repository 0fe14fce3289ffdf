import ArgumentParser
import CDAKit
import Foundation

typealias CDAKitFragment = CDAKit.Fragment

/// `--coder NAME`: who is coding (default: $CDA_CODER, else $USER, else `analyst`).
struct CoderOptions: ParsableArguments {
    @Option(help: "Who is coding (default: $CDA_CODER, else $USER).")
    var coder: String?

    /// The coder after defaults.
    var name: String { Self.resolve(coder) }

    /// `coder`, else $CDA_CODER, else $USER, else `analyst`.
    static func resolve(_ coder: String?) -> String {
        let environment = ProcessInfo.processInfo.environment
        return coder ?? environment["CDA_CODER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "analyst"
    }
}
