import Foundation

extension CLI {
    /// Whether `runMeasuringPeak` can measure here: it needs `python3` on the PATH.
    public static var canMeasurePeak: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/python3")
        }
    }

    /// A small program between the test run and `cda`: it forks and execs `cda` and prints the
    /// peak resident size `wait4` reports for that one child. Linux counts, at a process's first
    /// `exec`, the resident size of the memory it was cloned with; a child spawned straight from
    /// the test run would report the test run's own size (400 MB in a full run), not `cda`'s.
    private static let peakProbe = """
        import os, sys
        directory, out, err, program = sys.argv[1:5]
        pid = os.fork()
        if pid == 0:
            os.chdir(directory)
            os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 1)
            os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 2)
            os.execv(program, sys.argv[4:])
        _, status, usage = os.wait4(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        print(usage.ru_maxrss, code if code >= 0 else 128 - code)
        """

    /// Runs `cda` like `run`, and reports the peak resident memory of that one process.
    ///
    /// The peak comes from `wait4` on `cda`'s own process id in a small parent (`peakProbe`), so
    /// neither the test run's memory nor other processes it starts at the same time count. Output
    /// goes to files in `directory` (not pipes), so a chatty child cannot block.
    ///
    /// - Returns: The exit status, standard error, and the child's peak resident size in kilobytes.
    public static func runMeasuringPeak(
        _ arguments: [String], in directory: String, environment: [String: String] = [:]
    ) throws -> (status: Int32, error: String, peakKilobytes: Int) {
        guard let binary else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the cda binary was not built"]) }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CDA_PROJECT")
        env.merge(environment) { _, new in new }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", "-c", peakProbe, directory, directory + "/.measured.out", directory + "/.measured.err", binary] + arguments
        process.environment = env
        let report = directory + "/.measured.peak"
        _ = FileManager.default.createFile(atPath: report, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: report))
        try process.run()
        process.waitUntilExit()
        let fields = ((try? String(contentsOfFile: report, encoding: .utf8)) ?? "").split(separator: " ")
        let error = (try? String(contentsOfFile: directory + "/.measured.err", encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0, fields.count == 2, let peak = Int(fields[0]),
            let status = Int32(fields[1].trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the peak probe failed: \(error)"]) }
        return (status, error, peak)
    }
}
