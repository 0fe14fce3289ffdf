import Foundation

/// Where the team's shared material (`../shared/` beside the clone) is, if present.
public enum SharedData {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `../shared` beside the repository, when it exists.
    public static var directory: String? {
        let path = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// A path inside `../shared`, when it exists.
    public static func path(_ relative: String) -> String? {
        guard let directory else { return nil }
        let path = directory + "/" + relative
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

}
