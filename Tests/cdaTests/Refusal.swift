import ArgumentParser
import Testing

@testable import cda

/// Parses `arguments` as the shell would and expects them refused with a message that contains
/// `fragment`, so each case checks its own reason, not just that something failed.
func expectRefusal(_ arguments: [String], saying fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        _ = try CDA.parseAsRoot(arguments)
        Issue.record("\(arguments.joined(separator: " ")) was accepted", sourceLocation: sourceLocation)
    } catch {
        let message = CDA.message(for: error)
        #expect(message.contains(fragment), "\(arguments.joined(separator: " ")): \(message)", sourceLocation: sourceLocation)
    }
}
