extension ConversationDynamics {
    /// Speakers as reports show them: the report's own names (transcript labels, or `P01`, `P02`, …
    /// with pseudonyms), extended to the speakers the report never names. With pseudonyms, silent
    /// participants continue the `P` numbers, moderators become `M01`, … and observers `O01`, …,
    /// each in id order.
    ///
    /// - Parameters:
    ///   - speakers: Every speaker the dynamics show.
    ///   - roles: Their roles.
    ///   - corpus: The coded corpus the report is computed on.
    ///   - pseudonymize: Whether pseudonyms replace transcript labels.
    static func names(of speakers: Set<String>, roles: [String: SpeakerRole], corpus: CodedCorpus, pseudonymize: Bool) -> [String: String] {
        var names = corpus.speakerNames(pseudonymized: pseudonymize)
        guard pseudonymize else {
            for speaker in speakers where names[speaker] == nil { names[speaker] = speaker }
            return names
        }
        let taken = Set(names.values)
        var next: [SpeakerRole: Int] = [:]
        for speaker in speakers.sorted() where names[speaker] == nil {
            let role = roles[speaker] ?? .participant
            let prefix: String
            switch role {
            case .participant: prefix = "P"
            case .moderator: prefix = "M"
            case .observer: prefix = "O"
            }
            var number = next[role] ?? 1
            var candidate = prefix + (number < 10 ? "0" : "") + String(number)
            while taken.contains(candidate) {
                number += 1
                candidate = prefix + (number < 10 ? "0" : "") + String(number)
            }
            names[speaker] = candidate
            next[role] = number + 1
        }
        return names
    }
}
