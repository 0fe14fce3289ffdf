import CDAKit
import Foundation

/// The command line that would apply a revision's other policies, for a refusal's message.
enum ConflictRerun {
    /// This command line again, with `--on-conflict policy` and without `--dry-run`.
    static func commandLine(with policy: RevisionPolicy) -> String {
        var arguments: [String] = []
        var skipNext = false
        for argument in CommandLine.arguments.dropFirst() {
            if skipNext {
                skipNext = false
                continue
            }
            if argument == "--on-conflict" {
                skipNext = true
                continue
            }
            if argument.hasPrefix("--on-conflict=") || argument == "--dry-run" { continue }
            arguments.append(argument)
        }
        return (["cda"] + arguments + ["--on-conflict", policy.rawValue]).map(quoted).joined(separator: " ")
    }

    /// A word as a POSIX shell reads it back.
    private static func quoted(_ word: String) -> String {
        let plain = word.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./=,:@+".unicodeScalars.contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
