import Foundation

/// A small tmpfs mounted for one test, to meet a full disk or a read-only medium for real.
///
/// Mounting needs root (as in CI); where it is not allowed, `isAvailable` is false and the tests
/// that need it are skipped with `unavailableReason`.
public final class ScratchMount: @unchecked Sendable {
    /// The mount point.
    public let path: String

    /// Mounts a tmpfs of `kilobytes` at a new folder.
    ///
    /// - Returns: `nil` when mounting is not allowed here.
    public init?(kilobytes: Int) {
        path = NSTemporaryDirectory() + "cda-mount-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.run(["mount", "-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0700", "tmpfs", path]) else {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
    }

    deinit {
        _ = Self.run(["umount", "-l", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` on the mount.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Makes the mount read-only.
    public func makeReadOnly() -> Bool { Self.run(["mount", "-o", "remount,ro", path]) }

    /// Whether a tmpfs can be mounted here (tried once).
    public static let isAvailable: Bool = ScratchMount(kilobytes: 64) != nil

    /// Why tests that need a mount are skipped.
    public static let unavailableReason = "needs to mount a tmpfs (root, as in CI) to meet a full or read-only disk; not allowed here"

    @discardableResult
    private static func run(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }
}
