import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CLI {
    /// Runs `cda` like `run`, and reports the peak resident memory of that one process.
    ///
    /// The peak comes from `wait4` on the child's own process id, so other processes the test run
    /// starts at the same time do not count. Output goes to files in `directory` (not pipes), so a
    /// chatty child cannot block.
    ///
    /// - Returns: The exit status, standard error, and the child's peak resident size in kilobytes.
    public static func runMeasuringPeak(
        _ arguments: [String], in directory: String, environment: [String: String] = [:]
    ) throws -> (status: Int32, error: String, peakKilobytes: Int) {
        guard let binary else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the cda binary was not built"]) }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CDA_PROJECT")
        env.merge(environment) { _, new in new }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, directory + "/.measured.out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, directory + "/.measured.err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Run through `sh -c 'cd DIR && exec cda …'`, so the child starts in `directory`.
        let command = "cd \"$0\" && exec \"$@\""
        let argv = ["/bin/sh", "-c", command, directory, binary] + arguments
        let envp = env.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(argv) { argvPointers in
            withCStrings(envp) { envPointers in posix_spawn(&pid, "/bin/sh", &actions, nil, argvPointers, envPointers) }
        }
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let error = (try? String(contentsOfFile: directory + "/.measured.err", encoding: .utf8)) ?? ""
        return (exitStatus, error, Int(usage.ru_maxrss))
    }

    /// Calls `body` with a NULL-terminated array of C strings.
    private static func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
