extension CodedCorpus {
    /// Speakers as reports and analyses show them: their transcript labels, or `P01`, `P02`, … in
    /// id order when pseudonymized.
    public func speakerNames(pseudonymized: Bool) -> [String: String] {
        let speakers = Set(utterances.infos.compactMap(\.speaker)).union(groups.values.flatMap(\.participants)).sorted()
        guard pseudonymized else { return Dictionary(uniqueKeysWithValues: speakers.map { ($0, $0) }) }
        return Dictionary(
            uniqueKeysWithValues: speakers.enumerated().map { index, id in (id, "P" + (index + 1 < 10 ? "0" : "") + String(index + 1)) })
    }
}
