extension CodedCorpus {
    /// The loaded utterances of a coded corpus: looked up by key, or iterated in the order they
    /// were loaded.
    ///
    /// Each utterance has a slot in flat arrays, found from its document's ordinal and its index,
    /// so analyses over a million codings index arrays instead of hashing `(document, index)` keys;
    /// groups and participants are numbered too.
    public struct Utterances: Sendable, Sequence {
        /// Document ids by ordinal, in the order first loaded.
        var documentIDs: [String] { documents.ids }
        /// Group names by ordinal, in the order first met.
        private(set) var groupNames: [String] = []
        /// What is known of the utterance in each slot.
        private(set) var infos: [UtteranceInfo] = []
        /// The key of each slot.
        private(set) var keys: [UtteranceKey] = []
        /// Each slot's group ordinal, or -1 when it has no group.
        private(set) var groups: [Int32] = []
        /// Each slot's participant ordinal (a speaker who is not a moderator or observer), or -1.
        private(set) var participants: [Int32] = []
        /// Each slot's group ordinal when its talk counts (it has a group, and its speaker is no
        /// moderator or observer unless the corpus includes them), else -1.
        private(set) var countedGroups: [Int32] = []

        private let includesModerators: Bool
        private var documents = DocumentOrdinals()
        private var groupOrdinals: [String: Int32] = [:]
        private var participantOrdinals: [String: Int32] = [:]
        /// Per document ordinal, the slot of each index (-1 when not loaded).
        private var slotByIndex: [[Int32]] = []

        /// No utterances yet.
        ///
        /// - Parameter includesModerators: Whether moderators' and observers' talk counts.
        init(includesModerators: Bool) {
            self.includesModerators = includesModerators
        }

        /// The number of loaded utterances.
        public var count: Int { infos.count }

        /// The utterance with `key`, if it is loaded.
        public subscript(key: UtteranceKey) -> UtteranceInfo? {
            guard let document = documents.existing(key.document), let slot = slot(document: document, index: key.index) else { return nil }
            return infos[slot]
        }

        /// Every loaded utterance with its key, in the order loaded.
        public func makeIterator() -> some IteratorProtocol<(key: UtteranceKey, value: UtteranceInfo)> {
            zip(keys, infos).lazy.map { (key: $0, value: $1) }.makeIterator()
        }

        /// Adds an utterance (a later one with the same key replaces it).
        mutating func insert(_ info: UtteranceInfo, document documentID: String, index: Int) {
            let (document, isNew) = documents.ordinal(of: documentID)
            if isNew { slotByIndex.append([]) }
            if slotByIndex[document].count <= index {
                slotByIndex[document] += repeatElement(-1, count: index + 1 - slotByIndex[document].count)
            }
            let existing = slotByIndex[document][index]
            let slot = existing >= 0 ? Int(existing) : infos.count
            var group: Int32 = -1
            if let name = info.group { group = ordinal(ofGroup: name) }
            var participant: Int32 = -1
            if let speaker = info.speaker, !info.isModerator {
                participant = participantOrdinals[speaker] ?? Int32(participantOrdinals.count)
                participantOrdinals[speaker] = participant
            }
            let counted = includesModerators || !info.isModerator ? group : -1
            if slot == infos.count {
                slotByIndex[document][index] = Int32(slot)
                infos.append(info)
                keys.append(UtteranceKey(document: documentID, index: index))
                groups.append(group)
                participants.append(participant)
                countedGroups.append(counted)
            } else {
                (infos[slot], groups[slot], participants[slot], countedGroups[slot]) = (info, group, participant, counted)
            }
        }

        /// Reserves room for `count` utterances.
        mutating func reserveCapacity(_ count: Int) {
            infos.reserveCapacity(count)
            groups.reserveCapacity(count)
            participants.reserveCapacity(count)
            countedGroups.reserveCapacity(count)
            keys.reserveCapacity(count)
        }

        /// The number of distinct participants.
        var participantCount: Int { participantOrdinals.count }

        /// The ordinal of a document with loaded utterances.
        func document(_ id: String) -> Int? { documents.existing(id) }

        /// The ordinal of a group some loaded utterance belongs to.
        func group(_ name: String) -> Int32? { groupOrdinals[name] }

        /// The slot of utterance `index` of the document with ordinal `document`, if it is loaded.
        func slot(document: Int, index: Int) -> Int? {
            let slots = slotByIndex[document]
            guard index >= 0, index < slots.count, slots[index] >= 0 else { return nil }
            return Int(slots[index])
        }

        private mutating func ordinal(ofGroup group: String) -> Int32 {
            if let known = groupOrdinals[group] { return known }
            let ordinal = Int32(groupNames.count)
            groupOrdinals[group] = ordinal
            groupNames.append(group)
            return ordinal
        }
    }
}
