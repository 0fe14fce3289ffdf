import Foundation

extension CHATReader {
    /// What a CHAT file's headers declare: its speakers and the document's attributes.
    struct Headers {
        /// A speaker declared in `@Participants`, with what its `@ID` adds.
        struct Participant {
            /// The speaker code (`CHI`, `INV`, `P01`): the speaker id.
            var code: String
            /// The name, when the entry has three words.
            var name: String?
            /// The CHAT role (`Target_Child`, `Investigator`), from `@Participants`, else `@ID`.
            var role: String?
            /// Attributes from `@ID`.
            var attributes: [String: String] = [:]
        }

        /// The declared speakers, in `@Participants` order.
        private(set) var participants: [Participant] = []
        /// The line of the first `@Participants` header.
        private(set) var participantsLine: Int?
        /// The document's attributes, by lowercase header name.
        private(set) var attributes: [String: String] = [:]

        /// Headers kept as document attributes.
        static let documentHeaders: Set<String> = ["Languages", "Date", "Location", "Situation", "Media"]
        /// The attribute names of the `@ID` fields, by position (field 2 is the code).
        static let idFields: [(position: Int, key: String)] = [
            (0, "language"), (1, "corpus"), (3, "age"), (4, "sex"), (5, "chat-group"), (6, "ses"),
            (7, "role"), (8, "education"), (9, "custom"),
        ]
        /// CHAT roles, lowercased, of people who steer the talk: moderators.
        static let moderatorRoles: Set<String> = [
            "investigator", "interviewer", "teacher", "therapist", "moderator", "chair", "facilitator",
        ]
        /// CHAT roles, lowercased, of pseudo-participants and others who are not in the conversation: observers.
        static let observerRoles: Set<String> = ["environment", "non_human", "media", "observer"]

        /// Whether `@Participants` declares `code`.
        func declares(_ code: String) -> Bool {
            participants.contains { $0.code == code }
        }

        /// Reads one header that is not a gem; headers `cda` does not use are left out.
        ///
        /// - Parameters:
        ///   - name: The header's name, without `@` and colon.
        ///   - value: Its content over all its lines, white space collapsed.
        ///   - line: Its 1-based line number.
        ///   - notices: Receives a notice for an `@ID` of a code that is not declared.
        mutating func read(header name: String, value: String, line: Int, source: SourceFile, notices: inout [ReadNotice]) {
            switch name {
            case "Participants":
                if participantsLine == nil { participantsLine = line }
                readParticipants(value)
            case "ID":
                readID(value, at: source.location(line: line), notices: &notices)
            case _ where Self.documentHeaders.contains(name):
                if !value.isEmpty { attributes[name.lowercased()] = value }
            default:
                break
            }
        }

        /// Reads `CODE Name Role, CODE Role, …`; a code declared twice keeps its first entry.
        private mutating func readParticipants(_ value: String) {
            for entry in value.split(separator: ",") {
                let words = entry.split { $0 == " " || $0 == "\t" }
                guard let first = words.first, !declares(String(first)) else { continue }
                let role = words.count >= 2 ? words.last.map(String.init) : nil
                let name = words.count >= 3 ? words.dropFirst().dropLast().joined(separator: " ") : nil
                participants.append(Participant(code: String(first), name: name, role: role))
            }
        }

        /// Reads `language|corpus|code|age|sex|group|SES|role|education|custom|`, keeping the
        /// fields that are not empty; the role only when `@Participants` gave none.
        private mutating func readID(_ value: String, at location: SourceLocation, notices: inout [ReadNotice]) {
            let fields = value.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let code = fields.count > 2 ? fields[2] : ""
            guard let index = participants.firstIndex(where: { $0.code == code }) else {
                notices.append(
                    ReadNotice(
                        .other, at: location, "@ID names '\(code)', which @Participants does not declare; the line is left out"))
                return
            }
            for (position, key) in Self.idFields where position < fields.count && !fields[position].isEmpty {
                if key == "role" {
                    if participants[index].role == nil { participants[index].role = fields[position] }
                } else {
                    participants[index].attributes[key] = fields[position]
                }
            }
        }

        /// The speakers: the declared ones in order, then codes declared only on the command line.
        ///
        /// - Parameters:
        ///   - extra: Codes declared in `ReadOptions.speakers`, as if `@Participants` named them.
        ///   - moderators: Codes in `ReadOptions.moderators`, which are moderators whatever their role.
        func speakers(extra: [String], moderators: Set<String>) -> [Speaker] {
            var all = participants
            for code in extra where !all.contains(where: { $0.code == code }) {
                all.append(Participant(code: code))
            }
            return all.map { participant in
                var attributes = participant.attributes
                if let role = participant.role { attributes["role"] = role }
                let role = Self.role(code: participant.code, chatRole: participant.role, moderators: moderators)
                return Speaker(id: participant.code, name: participant.name, role: role, attributes: attributes)
            }
        }

        /// The `cda` role of a CHAT speaker: moderator for roles that steer the talk, observer for
        /// pseudo-participants (and the code `ENV`), participant otherwise.
        static func role(code: String, chatRole: String?, moderators: Set<String>) -> SpeakerRole {
            if moderators.contains(code) { return .moderator }
            let role = (chatRole ?? "").lowercased().replacingOccurrences(of: "-", with: "_")
            if code == "ENV" || observerRoles.contains(role) { return .observer }
            if moderatorRoles.contains(role) { return .moderator }
            return .participant
        }
    }
}
