/// The version of `cda`, written into projects and reports.
public enum CDAVersion {
    /// The current release.
    public static let current = "0.1.0"
}
