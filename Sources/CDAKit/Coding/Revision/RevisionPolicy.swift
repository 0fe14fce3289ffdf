/// What a revision does with a coding whose words are gone from the new text.
public enum RevisionPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Write nothing while any coding has no counterpart.
    case refuse
    /// Keep such a coding on its best candidate utterance, as a whole-utterance coding marked for review.
    case keepUtterance = "keep-utterance"
    /// Remove such codings.
    case drop
}
