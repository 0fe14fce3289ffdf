import Foundation

/// A Dutch-looking vocabulary with Zipf-distributed frequencies and group-specific skews.
struct Vocabulary {
    /// Words by rank: the first are frequent function words, then generated content words.
    let words: [String]
    /// Cumulative Zipf weights (exponent 1.07) for sampling by rank.
    private let cumulative: [Double]
    /// Words a group favours, by group index.
    let favourites: [[String]]

    static let functionWords = [
        "de", "het", "een", "en", "van", "ik", "je", "dat", "die", "in", "is", "niet", "we", "wij", "ze", "zij", "op", "te",
        "met", "voor", "maar", "ook", "als", "er", "dan", "wel", "nog", "ons", "onze", "hun", "hen", "aan", "om", "naar",
    ]

    init(size: Int, groups: Int, random: inout SplitMix64) {
        let onsets = ["b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "st", "kr", "gr", "sch", "pl", "tr"]
        let nuclei = ["a", "e", "i", "o", "u", "aa", "ee", "oo", "ui", "ij", "ei", "ou", "é", "ë"]
        let codas = ["", "n", "r", "s", "t", "k", "l", "ng", "cht", "rd"]
        var seen = Set(Self.functionWords)
        var words = Self.functionWords
        words += ["overheid", "burger", "burgers", "digitale", "digitalisering", "toekomst", "china", "data", "algoritme", "ongelijkheid"]
        seen.formUnion(words)
        while words.count < size {
            let syllables = Int.random(in: 1...4, using: &random)
            var word = ""
            for _ in 0..<syllables {
                word += onsets.randomElement(using: &random)! + nuclei.randomElement(using: &random)! + codas.randomElement(using: &random)!
            }
            if Int.random(in: 0..<40, using: &random) == 0 { word += "-" + onsets.randomElement(using: &random)! + "a" }
            if seen.insert(word).inserted { words.append(word) }
        }
        self.words = words
        var total = 0.0
        cumulative = (1...words.count).map { rank in
            total += 1 / pow(Double(rank), 1.07)
            return total
        }
        favourites = (0..<groups).map { group in
            stride(from: 60 + group * 7, to: min(words.count, 60 + group * 7 + 2_000), by: groups + 3).map { words[$0] }
        }
    }

    /// A word drawn from the Zipf distribution.
    func sample(_ random: inout SplitMix64) -> String {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &random)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return words[low]
    }
}
