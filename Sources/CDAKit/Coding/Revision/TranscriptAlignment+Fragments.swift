/// Where a coded fragment goes when its transcript is revised.
public enum FragmentMapping: Sendable, Hashable {
    /// The same utterances, offsets and text.
    case unchanged
    /// The same words, now at this fragment (text inside may have been corrected or added to).
    case moved(Fragment)
    /// Its words were deleted or rewritten beyond recognition; `candidate` is the 1-based new
    /// utterance that best takes its place, `nil` when the new version has no utterances.
    case conflict(candidate: Int?)
}

extension TranscriptAlignment {
    /// Carries a fragment of the old version to the new one.
    ///
    /// A fragment with offsets keeps covering the same words: it runs from the new place of its
    /// first surviving scalar to that of its last, words it started or ended on are followed when
    /// they were corrected or lengthened, and words inserted inside it are covered. A whole-utterance
    /// fragment covers every new utterance its utterances' text went to: all parts of a split
    /// utterance, the merged utterance of a merge. Either is a conflict when fewer than half of its
    /// non-space scalars survive.
    public func map(_ fragment: Fragment) -> FragmentMapping {
        guard let su = oldPosition[fragment.startUtterance], let eu = oldPosition[fragment.endUtterance], su <= eu else {
            return .conflict(candidate: candidate(forOld: oldPosition[fragment.startUtterance] ?? 0))
        }
        let mapped: Fragment? =
            if let start = fragment.startOffset, let end = fragment.endOffset {
                mapSpan(from: oldBase[su] + start, to: oldBase[eu] + end, document: fragment.documentID)
            } else {
                mapWhole(su, eu, document: fragment.documentID)
            }
        guard let mapped else { return .conflict(candidate: candidate(forOld: su)) }
        if mapped == fragment, oldText(of: fragment) == newText(of: mapped) { return .unchanged }
        return .moved(mapped)
    }

    /// The old text a fragment covers (utterances joined by a line break).
    public func oldText(of fragment: Fragment) -> String {
        text(of: fragment, utterances: old, position: { oldPosition[$0] })
    }

    /// The new text a mapped fragment covers (utterances joined by a line break).
    public func newText(of fragment: Fragment) -> String {
        text(of: fragment, utterances: new, position: { index in new.firstIndex { $0.index == index } })
    }

    private func text(of fragment: Fragment, utterances: [Utterance], position: (Int) -> Int?) -> String {
        guard let first = position(fragment.startUtterance), let last = position(fragment.endUtterance), first <= last else { return "" }
        return (first...last).compactMap { p in
            let utterance = utterances[p]
            return fragment.coveredRange(inUtterance: utterance.index, length: utterance.length).map { utterance.text.scalarSlice($0) }
        }.joined(separator: "\n")
    }

    private func mapSpan(from gs: Int, to ge: Int, document: String) -> Fragment? {
        guard gs < ge else { return nil }
        var solid = 0
        var kept = 0
        var first: Int?
        var last = 0
        for g in gs..<ge where !oldScalars[g].properties.isWhitespace {
            solid += 1
            if oldToNew[g] >= 0 {
                kept += 1
                first = first ?? g
                last = g
            }
        }
        if solid == 0 {
            for g in gs..<ge where oldToNew[g] >= 0 {
                first = first ?? g
                last = g
                kept += 1
            }
            solid = ge - gs
        }
        guard let first, kept * 2 >= solid else { return nil }
        var ns = Int(oldToNew[first])
        var ne = Int(oldToNew[last]) + 1
        let startUtterance = newPlace(ns).utterance
        let endUtterance = newPlace(ne - 1).utterance
        let lower = newBase[startUtterance]
        let upper = newBase[endUtterance + 1]
        // White space the old span began or ended with, where the new text has it too.
        var lead = 0
        while gs + lead < first, oldScalars[gs + lead].properties.isWhitespace { lead += 1 }
        if gs + lead == first {
            while lead > 0, ns > lower, newScalars[ns - 1].properties.isWhitespace {
                ns -= 1
                lead -= 1
            }
        }
        var trail = 0
        while ge - 1 - trail > last, oldScalars[ge - 1 - trail].properties.isWhitespace { trail += 1 }
        if ge - 1 - trail == last {
            while trail > 0, ne < upper, newScalars[ne].properties.isWhitespace {
                ne += 1
                trail -= 1
            }
        }
        // A span that began or ended on a word boundary keeps the whole corrected word.
        let oldStartUtterance = oldUtterance(at: gs)
        let oldEndUtterance = oldUtterance(at: ge - 1)
        let startsWord = isWord(oldScalars[gs]) && (gs == oldBase[oldStartUtterance] || !isWord(oldScalars[gs - 1]))
        let endsWord = isWord(oldScalars[ge - 1]) && (ge == oldBase[oldEndUtterance + 1] || !isWord(oldScalars[ge]))
        if startsWord, isWord(newScalars[ns]) {
            while ns > lower, isWord(newScalars[ns - 1]) { ns -= 1 }
        }
        if endsWord, isWord(newScalars[ne - 1]) {
            while ne < upper, isWord(newScalars[ne]) { ne += 1 }
        }
        let startOffset = ns - lower
        let endOffset = ne - newBase[endUtterance]
        let whole = startOffset == 0 && endOffset == new[endUtterance].length
        return Fragment(
            documentID: document, startUtterance: new[startUtterance].index, startOffset: whole ? nil : startOffset,
            endUtterance: new[endUtterance].index, endOffset: whole ? nil : endOffset)
    }

    private func mapWhole(_ su: Int, _ eu: Int, document: String) -> Fragment? {
        var solid = 0
        var kept = 0
        for g in oldBase[su]..<oldBase[eu + 1] where !oldScalars[g].properties.isWhitespace {
            solid += 1
            if oldToNew[g] >= 0 { kept += 1 }
        }
        guard kept * 2 >= solid else { return nil }
        let targets = (su...eu).map { counterparts(ofOld: $0) }.filter { !$0.isEmpty }
        guard let first = targets.first?.first, let last = targets.last?.last else { return nil }
        return Fragment(documentID: document, startUtterance: new[first].index, endUtterance: new[last].index)
    }

    /// The 1-based new utterance that best takes the place of old utterance position `u`: one its
    /// text went to, else the one after where the nearest earlier utterance went, else the first.
    func candidate(forOld u: Int) -> Int? {
        guard !new.isEmpty else { return nil }
        if u < old.count, let found = counterparts(ofOld: u).first { return new[found].index }
        var p = min(u, old.count) - 1
        while p >= 0 {
            if let found = counterparts(ofOld: p).last { return new[min(found + 1, new.count - 1)].index }
            p -= 1
        }
        return new[0].index
    }

    private func oldUtterance(at position: Int) -> Int {
        var low = 0
        var high = old.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if oldBase[mid] <= position { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private func isWord(_ scalar: Unicode.Scalar) -> Bool { Tokenizer.isWordScalar(scalar) }
}
