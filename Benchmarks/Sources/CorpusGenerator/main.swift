// Generates a reproducible benchmark corpus: Dutch-looking workshop and debate talk with a
// Zipf-like vocabulary and group-specific word skews, written as TEI XML and as plain text.
//
//   CorpusGenerator OUTPUT_DIR MEGABYTES [SEED]
//
// Writes OUTPUT_DIR/tei/*.xml, OUTPUT_DIR/text/*.txt (the same talk in both formats), files of
// 0.2–2 MB each, until each format holds about MEGABYTES of text; plus OUTPUT_DIR/vocabulary.txt
// (words by rank) for building dictionaries.

import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3, let megabytes = Double(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: CorpusGenerator OUTPUT_DIR MEGABYTES [SEED]\n".utf8))
    exit(2)
}
let output = arguments[1]
var random = SplitMix64(seed: arguments.count > 3 ? UInt64(arguments[3]) ?? 42 : 42)
let groups = ["citizens", "experts", "politicians"]
let vocabulary = Vocabulary(size: 60_000, groups: groups.count, random: &random)
let target = Int(megabytes * 1_048_576)
let manager = FileManager.default
for folder in ["tei", "text"] { try manager.createDirectory(atPath: "\(output)/\(folder)", withIntermediateDirectories: true) }
try vocabulary.words.joined(separator: "\n").write(toFile: "\(output)/vocabulary.txt", atomically: true, encoding: .utf8)

func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
}

var written = 0
var fileNumber = 0
while written < target {
    fileNumber += 1
    let id = String(format: "bench-%05d", fileNumber)
    let fileTarget = min(target - written, Int.random(in: 200_000...2_000_000, using: &random))
    let speakers = (1...10).map { index in (id: "S\(fileNumber)_\(index)", group: groups[index % groups.count], chair: index == 1) }
    var text =
        "# id: \(id)\n# title: Sessie \(fileNumber)\n# moderator: \(speakers[0].id)\n# speakers: "
        + speakers.map(\.id).joined(separator: ", ") + "\n"
    for speaker in speakers where !speaker.chair { text += "# speaker \(speaker.id): group=\(speaker.group)\n" }
    text += "\n## plenary\n"
    var tei =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"\(id)\" xml:lang=\"nl\">\n<teiHeader><fileDesc><titleStmt><title type=\"main\">Sessie \(fileNumber)</title></titleStmt></fileDesc>\n<profileDesc><particDesc><listPerson>\n"
    for speaker in speakers { tei += "<person xml:id=\"\(speaker.id)\"><persName>\(speaker.id)</persName></person>\n" }
    tei += "</listPerson></particDesc></profileDesc></teiHeader>\n<text><body><div type=\"debateSection\">\n"
    var size = 0
    var turn = 0
    var seconds = 0
    while size < fileTarget {
        turn += 1
        let speaker = turn % 6 == 1 ? speakers[0] : speakers[Int.random(in: 1..<speakers.count, using: &random)]
        let groupIndex = groups.firstIndex(of: speaker.group) ?? 0
        var words: [String] = []
        for _ in 0..<Int.random(in: 8...120, using: &random) {
            if Int.random(in: 0..<10, using: &random) == 0 {
                words.append(vocabulary.favourites[groupIndex].randomElement(using: &random)!)
            } else if Int.random(in: 0..<200_000, using: &random) == 0 {
                words.append("zeldzaamheid")
            } else {
                words.append(vocabulary.sample(&random))
            }
        }
        var sentence = ""
        for (index, word) in words.enumerated() {
            sentence += index == 0 ? word.prefix(1).uppercased() + word.dropFirst() : word
            sentence += index == words.count - 1 ? "." : (Int.random(in: 0..<12, using: &random) == 0 ? ", " : " ")
        }
        seconds += Int.random(in: 5...90, using: &random)
        let clock = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        text += "[\(clock)] \(speaker.id): \(sentence)\n"
        tei +=
            "<u who=\"#\(speaker.id)\" ana=\"\(speaker.chair ? "#chair" : "#regular")\" xml:id=\"\(id).u\(turn)\"><seg xml:id=\"\(id).s\(turn)\">\(escape(sentence))</seg></u>\n"
        size += sentence.utf8.count
    }
    tei += "</div></body></text>\n</TEI>\n"
    try text.write(toFile: "\(output)/text/\(id).txt", atomically: false, encoding: .utf8)
    try tei.write(toFile: "\(output)/tei/\(id).xml", atomically: false, encoding: .utf8)
    written += size
}
print("\(fileNumber) files, \(written) bytes of talk per format in \(output)")
