internal import GRDB

extension ProjectStore {
    /// What the coded corpus needs of the utterances, in one pass over all of them: the totals of
    /// each group, and the speaker, group, length, word count (and text, where needed) of the
    /// utterances the codings touch.
    ///
    /// - Parameters:
    ///   - needs: What each utterance is needed for; the others only count in the totals.
    ///   - groups: The grouping attribute's values.
    ///   - moderators: The ids of moderators and observers.
    ///   - includeModerators: Whether their talk counts.
    ///   - withTexts: Whether every loaded utterance keeps its text (for quotes).
    ///   - includeAllUtterances: Whether every utterance is loaded, touched or not.
    /// - Complexity: O(*u*) for *u* utterances in the project.
    static func loadUtterances(
        _ db: Database, needs: TouchedUtterances, groups: GroupLookup, moderators: Set<String>, includeModerators: Bool,
        withTexts: Bool, includeAllUtterances: Bool
    ) throws -> (CodedCorpus.Utterances, [String: CodedCorpus.GroupTotals], [String: [String: Int]]) {
        func isModerator(_ speaker: String?) -> Bool { speaker.map(moderators.contains) ?? false }
        var totals: [String: CodedCorpus.GroupTotals] = [:]
        var documentsPerGroup: [String: Set<String>] = [:]
        var participantWords: [String: [String: Int]] = [:]
        func count(document: String, speaker: String?, utterances: Int, words: Int) {
            if !includeModerators && isModerator(speaker) { return }
            guard let group = groups.group(document: document, speaker: speaker) else { return }
            totals[group, default: .init(documents: 0, participants: [], utterances: 0, words: 0)].utterances += utterances
            totals[group]?.words += words
            documentsPerGroup[group, default: []].insert(document)
            if let speaker, !isModerator(speaker) {
                totals[group]?.participants.insert(speaker)
                participantWords[group, default: [:]][speaker, default: 0] += words
            }
        }

        var utterances = CodedCorpus.Utterances(includesModerators: includeModerators)
        utterances.reserveCapacity(includeAllUtterances ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM utterance") ?? 0 : needs.count)
        // Sums per speaker of the current document, added to the totals when the document changes
        // (rows come by document; were they not, the sums would only be added in more pieces).
        var perSpeaker: [String?: (utterances: Int, words: Int)] = [:]
        var wanted: (Int) -> TouchedUtterances.Need = { _ in .none }
        var speaker: String?
        var document = ""
        let rows = try RawRows(db, sql: "SELECT documentId, idx, speakerId, wordCount, length, text FROM utterance")
        while try rows.next() {
            let rowDocument = rows.text(0, reusing: document)
            if rowDocument != document {
                for (speaker, sums) in perSpeaker {
                    count(document: document, speaker: speaker, utterances: sums.utterances, words: sums.words)
                }
                perSpeaker = [:]
                document = rowDocument
                wanted = needs.needs(ofDocument: document)
            }
            speaker = rows.optionalText(2, reusing: speaker)
            let words = rows.int(3)
            perSpeaker[speaker, default: (0, 0)].utterances += 1
            perSpeaker[speaker]?.words += words
            let index = rows.int(1)
            let need = wanted(index)
            guard need != .none || includeAllUtterances else { continue }
            let info = CodedCorpus.UtteranceInfo(
                speaker: speaker, isModerator: isModerator(speaker), group: groups.group(document: document, speaker: speaker),
                words: words, length: rows.int(4), text: withTexts || need == .text ? rows.text(5, reusing: "") : nil)
            utterances.insert(info, document: document, index: index)
        }
        for (speaker, sums) in perSpeaker { count(document: document, speaker: speaker, utterances: sums.utterances, words: sums.words) }
        for (group, documents) in documentsPerGroup { totals[group]?.documents = documents.count }
        return (utterances, totals, participantWords)
    }
}
