import Foundation

/// Runs the built `cda` binary, as a user would.
public enum CLI {
    /// The result of one run.
    public struct Result: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var output: String
        /// Standard error.
        public var error: String
    }

    /// The `cda` binary next to the test bundle (SwiftPM builds it for the test target).
    public static var binary: String? {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("cda").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("cda").path,
            SharedData.repositoryRoot + "/.build/debug/cda",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `cda` with `arguments` in `directory`, with `CDA_PROJECT` unset unless given.
    public static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Result {
        guard let binary else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the cda binary was not built"]) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CDA_PROJECT")
        env.merge(environment) { _, new in new }
        process.environment = env
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self))
    }
}
