import Foundation

/// The part a speaker plays in a recorded session.
///
/// Moderators and observers are left out of every count unless a command asks
/// for them explicitly (`--include-moderators`).
public enum SpeakerRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// A workshop or focus-group participant: the people whose talk is analysed.
    case participant
    /// A moderator, chair or facilitator who steers the conversation.
    case moderator
    /// Someone present who is not part of the conversation (a note taker, a guest).
    case observer

    /// Parses the role names used in transcript files, in English and Dutch.
    ///
    /// - Parameter text: A role as written in a file (`participant`, `moderator`,
    ///   `chair`, `gespreksleider`, `deelnemer`, …), case-insensitive.
    /// - Returns: The role, or `nil` when the word is not recognised.
    public init?(parsing text: String) {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "participant", "deelnemer", "regular", "respondent", "speaker":
            self = .participant
        case "moderator", "chair", "facilitator", "gespreksleider", "interviewer", "voorzitter":
            self = .moderator
        case "observer", "waarnemer", "notulist", "guest", "note-taker":
            self = .observer
        default:
            return nil
        }
    }
}
