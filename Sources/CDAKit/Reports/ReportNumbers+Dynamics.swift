import Foundation

extension ReportNumbers {
    /// Seconds rounded to whole seconds, or `–` when unknown.
    static func seconds(_ value: Double?) -> String { value.map { String(format: "%.0f", $0) } ?? "–" }

    /// `H:MM:SS` for a time in seconds, or `–` when unknown.
    static func clock(_ value: Double?) -> String {
        guard let value else { return "–" }
        let total = Int(value.rounded(.down))
        return String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
    }

    /// A speaker role as reports name it.
    static func role(_ role: SpeakerRole?) -> String {
        guard let role else { return "unknown" }
        switch role {
        case .participant: return "participant"
        case .moderator: return "moderator"
        case .observer: return "observer"
        }
    }
}
