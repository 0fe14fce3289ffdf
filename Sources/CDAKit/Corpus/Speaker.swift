/// A person who speaks in one or more transcripts.
///
/// Speakers are identified project-wide by their `id`: the label used in the
/// transcript (`P03`, `Gespreksleider`) or the TEI person id. The same id in two
/// documents is the same person.
public struct Speaker: Sendable, Hashable, Codable {
    /// The project-wide id, usually the pseudonymous label from the transcript.
    public var id: String
    /// A display name; the id unless a person list provides a name.
    public var name: String
    /// The speaker's part in the sessions.
    public var role: SpeakerRole
    /// Free attributes such as `group`, `agegroup`, `sector` or `party`.
    ///
    /// A speaker's own `group` wins over the group of the document they speak in.
    public var attributes: [String: String]

    /// Creates a speaker.
    public init(id: String, name: String? = nil, role: SpeakerRole = .participant, attributes: [String: String] = [:]) {
        self.id = id
        self.name = name ?? id
        self.role = role
        self.attributes = attributes
    }
}
