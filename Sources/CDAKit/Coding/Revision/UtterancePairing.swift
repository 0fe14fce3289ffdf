/// Old utterances and the new utterances their text went to, as one group of a revision.
public struct UtterancePairing: Sendable, Hashable, Codable {
    /// What became of the group.
    public enum Change: String, Sendable, Hashable, Codable {
        /// Same text, speaker and times.
        case unchanged
        /// One utterance to one, with its text, speaker or times changed (see `details`).
        case changed
        /// A new utterance with no old text in it.
        case inserted
        /// An old utterance whose text is gone.
        case deleted
        /// One utterance became several.
        case split
        /// Several utterances became one.
        case merged
        /// Several became several.
        case regrouped
    }

    /// The old utterances (1-based), in order.
    public var old: [Int]
    /// The new utterances (1-based), in order.
    public var new: [Int]
    /// What became of them.
    public var change: Change
    /// For `changed`: which of `text`, `speaker`, `time` changed.
    public var details: [String]
}

extension TranscriptAlignment {
    /// The utterances grouped by where their text went, in document order.
    public var pairings: [UtterancePairing] {
        // Union-find over old positions 0..<old.count and new positions old.count..<old.count+new.count.
        var parent = Array(0..<(old.count + new.count))
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for u in old.indices {
            for target in counterparts(ofOld: u) {
                let from = root(old.count + target)
                let to = root(u)
                parent[from] = to
            }
        }
        var groups: [Int: (old: [Int], new: [Int])] = [:]
        var order: [Int] = []
        for node in parent.indices {
            let r = root(node)
            if groups[r] == nil {
                groups[r] = ([], [])
                order.append(r)
            }
            if node < old.count { groups[r]!.old.append(node) } else { groups[r]!.new.append(node - old.count) }
        }
        let pairs = order.map { groups[$0]! }.sorted { a, b in
            (a.new.first ?? Int.max, a.old.first ?? Int.max) < (b.new.first ?? Int.max, b.old.first ?? Int.max)
        }
        return placeDeleted(pairs).map(describe)
    }

    /// Puts groups of deleted utterances after the group that holds the utterance before them.
    private func placeDeleted(_ groups: [(old: [Int], new: [Int])]) -> [(old: [Int], new: [Int])] {
        var result = groups.filter { !$0.new.isEmpty }
        for deleted in groups where deleted.new.isEmpty {
            let at = result.lastIndex { ($0.old.last ?? -1) < deleted.old[0] && !$0.old.isEmpty } ?? -1
            result.insert(deleted, at: at + 1)
        }
        return result
    }

    private func describe(_ group: (old: [Int], new: [Int])) -> UtterancePairing {
        let oldIndexes = group.old.map { old[$0].index }
        let newIndexes = group.new.map { new[$0].index }
        switch (group.old.count, group.new.count) {
        case (0, _): return UtterancePairing(old: [], new: newIndexes, change: .inserted, details: [])
        case (_, 0): return UtterancePairing(old: oldIndexes, new: [], change: .deleted, details: [])
        case (1, 1):
            let a = old[group.old[0]]
            let b = new[group.new[0]]
            var details: [String] = []
            if a.text != b.text { details.append("text") }
            if a.speakerID != b.speakerID { details.append("speaker") }
            if a.start != b.start || a.end != b.end { details.append("time") }
            return UtterancePairing(old: oldIndexes, new: newIndexes, change: details.isEmpty ? .unchanged : .changed, details: details)
        case (1, _): return UtterancePairing(old: oldIndexes, new: newIndexes, change: .split, details: [])
        case (_, 1): return UtterancePairing(old: oldIndexes, new: newIndexes, change: .merged, details: [])
        default: return UtterancePairing(old: oldIndexes, new: newIndexes, change: .regrouped, details: [])
        }
    }
}
