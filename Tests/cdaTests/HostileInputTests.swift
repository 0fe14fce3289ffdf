import CDATestSupport
import Foundation
import Testing

@testable import CDAKit

/// A catalogue of malformed and malicious inputs, each fed to the real command line: each must end
/// with a clear message naming the file (and the position where there is one), a non-zero exit,
/// bounded memory, no leaked file content and an unchanged project.
@Suite(.serialized) struct HostileInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        /// The file name and its bytes.
        var file: String
        var bytes: @Sendable (String) -> [UInt8]
        /// The command, with FILE standing for the file's path.
        var command: [String]
        /// Text the error must contain (FILE stands for the path).
        var expect: String
        var description: String { name }
    }

    static let secret = "GEHEIM-4271-NIET-LEKKEN"
    static let header = "document\tutterance\tstart\tend\tcode\tround\tcoder\tmemo\ttext\n"

    static func text(_ string: String) -> @Sendable (String) -> [UInt8] { { _ in Array(string.utf8) } }

    static let cases: [Case] = {
        var list: [Case] = []
        func add(_ name: String, _ file: String, _ command: [String], _ expect: String, _ bytes: @escaping @Sendable (String) -> [UInt8]) {
            list.append(Case(name: name, file: file, bytes: bytes, command: command, expect: expect))
        }
        let ingest = ["ingest", "FILE"]
        // Plain text.
        // Without --encoding such files are read as Windows-1252 with a notice; named UTF-8, they are refused.
        let utf8 = ["ingest", "--encoding", "utf-8", "FILE"]
        add("truncated UTF-8 at the end", "a.txt", utf8, "FILE:1:8: invalid UTF-8") { _ in Array("P1: caf".utf8) + [0xC3] }
        add("invalid UTF-8 in the middle", "b.txt", utf8, "FILE:2:5: invalid UTF-8") { _ in
            Array("P1: a\nP2: ".utf8) + [0xFF, 0xFE] + Array(" b\n".utf8)
        }
        add("UTF-16 without BOM", "c.txt", ingest, "FILE:1:2: the file contains NUL bytes") { _ in
            Array("P1: hallo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        }
        add("NUL bytes", "d.txt", ingest, "FILE:2:6: the file contains NUL bytes") { _ in Array("P1: a\nP2: b\u{0}c\n".utf8) }
        add("empty file", "e.txt", ingest, "FILE: the file is empty", text(""))
        add("only whitespace", "f.txt", ingest, "FILE: the file is empty", text("  \n\t\n"))
        add(
            "an executable", "g.txt", ingest, "FILE:1:8: the file contains NUL bytes",
            { _ in [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0] })
        add("a 100 MB single line", "h.txt", ingest, "FILE:1: the line is longer than") { _ in
            Array("P1: ".utf8) + [UInt8](repeating: 0x61, count: 100 << 20)
        }
        add("an impossible timestamp", "i.txt", ingest, "FILE:2:1: '00:99:00' is not a time", text("P1: a\n[00:99:00] P1: b\n"))
        add("an undeclared numbered speaker", "j.txt", ingest, "FILE:3:1: speaker 'P9'", text("# speakers: P1, P2\nP1: a\nP9: b\n"))
        add(
            "a bad speaker pattern", "k.txt", ingest + ["--speaker-pattern", "(?<speaker>[a-"],
            "--speaker-pattern '(?<speaker>[a-': not a valid regular expression", text("x\n"))
        add(
            "a file that does not exist", "missing.txt", ["ingest", "FILE.nope"], "FILE.nope: cannot read the file (no such file)",
            text("x"))
        // XML: TEI and the project's own format.
        let tei = { (body: String) in
            "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"t\"><text><body>\(body)</body></text></TEI>\n"
        }
        add(
            "truncated TEI", "l.xml", ingest, "FILE:2:69: XML error: Specification mandates value for attribute",
            text(String(tei("<u who=\"#a\"><seg>hallo</seg></u>").prefix(90))))
        add(
            "external entity (XXE) in TEI", "m.xml", ingest, "FILE:3:104: the document declares entities in its DTD",
            { dir in
                Array(
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file://\(dir)/secret.txt\">]>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><u who=\"#a\"><seg>&x;</seg></u></body></text></TEI>"
                        .utf8)
            })
        add(
            "parameter entity (XXE)", "n.xml", ingest, "declares entities in its DTD",
            { dir in
                Array(
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY % p SYSTEM \"file://\(dir)/secret.txt\"> %p;]>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><u who=\"#a\"><seg>x</seg></u></body></text></TEI>"
                        .utf8)
            })
        add(
            "billion laughs", "o.xml", ingest, "FILE:1:5: XML error: Detected an entity reference loop",
            { _ in
                var declarations = "<!ENTITY l0 \"lol\">"
                for level in 1...12 { declarations += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
                return Array(
                    "<?xml version=\"1.0\"?><!DOCTYPE transcript [\(declarations)]><transcript><speakers><speaker id=\"A\"/></speakers><turn speaker=\"A\">&l12;</turn></transcript>"
                        .utf8)
            })
        add(
            "quadratic blowup", "p.xml", ingest, "FILE:1:50179: the document declares entities in its DTD",
            { _ in
                let big = String(repeating: "x", count: 50_000)
                return Array(
                    ("<?xml version=\"1.0\"?><!DOCTYPE transcript [<!ENTITY a \"\(big)\">]><transcript><speakers><speaker id=\"A\"/></speakers><turn speaker=\"A\">"
                        + String(repeating: "&a;", count: 20_000) + "</turn></transcript>").utf8)
            })
        add(
            "an external DTD defining the entities used", "q.xml", ingest, "FILE:3:75: XML error: Entity 'leak' not defined",
            { dir in
                Array(
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE transcript SYSTEM \"file://\(dir)/evil.dtd\">\n<transcript><speakers><speaker id=\"A\"/></speakers><turn speaker=\"A\">&leak;</turn></transcript>"
                        .utf8)
            })
        add(
            "XInclude of a local file", "r.xml", ingest, "the document uses XInclude to pull in another file",
            { dir in
                Array(
                    "<?xml version=\"1.0\"?>\n<transcript xmlns:xi=\"http://www.w3.org/2001/XInclude\"><speakers><speaker id=\"A\"/></speakers><turn speaker=\"A\"><xi:include href=\"file://\(dir)/secret.txt\" parse=\"text\"/></turn></transcript>"
                        .utf8)
            })
        add(
            "100,000-deep nesting", "s.xml", ingest, "FILE:1:783: XML error: Excessive depth in document",
            text("<transcript>" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</transcript>"))
        add(
            "mismatched tags", "t.xml", ingest, "FILE:1:33: XML error: Opening and ending tag mismatch",
            text("<transcript><speakers></speaker></transcript>"))
        add(
            "invalid UTF-8 in XML", "u.xml", ingest, "FILE:1:110: XML error: Input is not proper UTF-8",
            { _ in
                Array(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><transcript><speakers><speaker id=\"A\"/></speakers><turn speaker=\"A\">caf"
                        .utf8) + [0xE9] + Array("</turn></transcript>".utf8)
            })
        add(
            "a turn without speaker", "v.xml", ingest, "FILE:1:78: <turn> needs a 'speaker' attribute",
            text("<transcript><speakers><speaker id=\"A\"/></speakers><turn>x</turn></transcript>"))
        add(
            "an undeclared speaker", "w.xml", ingest, "speaker 'B' is not declared",
            text("<transcript><speakers><speaker id=\"A\"/></speakers><turn speaker=\"B\">x</turn></transcript>"))
        add(
            "a bad turn time", "x.xml", ingest, "'1:2:3:4' is not a time",
            text("<transcript><speakers><speaker id=\"A\"/></speakers><turn speaker=\"A\" start=\"1:2:3:4\">x</turn></transcript>"))
        add(
            "an XML file that is not a transcript", "y.xml", ingest, "FILE: unknown transcript format (XML root element <listPerson>",
            text("<listPerson/>"))
        add("a transcript without turns", "z.xml", ingest, "FILE: no utterances found", text("<transcript><speakers/></transcript>"))
        add("a teiCorpus root", "tc.xml", ingest, "teiCorpus", text("<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\"><TEI/></teiCorpus>"))
        // Captions.
        add(
            "WebVTT without its header", "a.vtt", ingest, "FILE:1:1: unknown transcript format",
            text("00:00:01.000 --> 00:00:02.000\nhallo\n"))
        add(
            "WebVTT with a bad time", "b.vtt", ingest, "FILE:3:1: '00:00:0x.000' is not a time",
            text("WEBVTT\n\n00:00:0x.000 --> 00:00:02.000\nhallo\n"))
        add("SRT with a bad time", "c.srt", ingest, "FILE:2:1: '99:99' is not a time", text("1\n00:00:01,000 --> 99:99\nhallo\n"))
        add("SRT with NUL bytes", "d.srt", ingest, "the file contains NUL bytes", text("1\n00:00:01,000 --> 00:00:02,000\nha\u{0}llo\n"))
        add("SRT without cues", "e.srt", ingest, "FILE: no utterances found", text("just some words\n"))
        // CHAT.
        add(
            "CHAT with an undeclared speaker code", "a.cha", ingest, "FILE:4:2: speaker 'P09' is not declared",
            text("@UTF8\n@Begin\n@Participants:\tP01 Participant\n*P09:\tja .\n@End\n"))
        add(
            "CHAT with a malformed media bullet", "b.cha", ingest, "FILE:4:12: '12_x' is not a time",
            text("@UTF8\n@Begin\n@Participants:\tP01 Participant\n*P01:\tja . \u{15}12_x\u{15}\n@End\n"))
        // ELAN, Transcriber and REFI-QDA files.
        add(
            "truncated ELAN", "a.eaf", ingest, "FILE:2:79: XML error: Extra content at the end of the document",
            text("<?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID=\"t1\" TIME_VALUE=\"0\"/>"))
        add(
            "ELAN with an undefined time slot", "b.eaf", ingest,
            "FILE:1:306: <ALIGNABLE_ANNOTATION> TIME_SLOT_REF2='t9' refers to nothing the file defines",
            text(
                "<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID=\"t1\" TIME_VALUE=\"0\"/></TIME_ORDER><TIER TIER_ID=\"A\"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"a1\" TIME_SLOT_REF1=\"t1\" TIME_SLOT_REF2=\"t9\"><ANNOTATION_VALUE>x</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>"
            ))
        add(
            "Transcriber with an external entity", "c.trs", ingest, "FILE:3:96: the document declares entities in its DTD",
            { dir in
                Array(
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE Trans [<!ENTITY x SYSTEM \"file://\(dir)/secret.txt\">]>\n<Trans><Episode><Section><Turn startTime=\"0\" endTime=\"1\">&x;</Turn></Section></Episode></Trans>"
                        .utf8)
            })
        add(
            "a .qdpx that is not a zip archive", "a.qdpx", ["import", "qdpx", "FILE", "--lenient"], "FILE",
            text("this is not a zip archive"))
        add(
            "a malformed .qdc codebook", "b.qdc", ["import", "qdc", "FILE", "--lenient"], "FILE",
            text("<?xml version=\"1.0\"?><CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code"))
        // Coding sheets.
        let sheet = ["sheet", "import", "FILE"]
        add(
            "an offset too large for any number", "a.tsv", sheet, "FILE:2: start '99999999999999999999999' is not an offset",
            text(header + "doc\t1\t99999999999999999999999\t3\tx\n"))
        add("negative offsets", "b.tsv", sheet, "FILE:2: start '-4' is not an offset", text(header + "doc\t1\t-4\t3\tx\n"))
        add("an unknown document", "c.tsv", sheet, "FILE:2: Unknown document 'nope'", text(header + "nope\t1\t\t\tx\n"))
        add(
            "an utterance out of range", "d.tsv", sheet, "FILE:2: Document 'doc' has utterances 1–2; 7 is outside.",
            text(header + "doc\t7\t\t\tx\n"))
        add(
            "an offset beyond the utterance", "e.tsv", sheet, "FILE:2: Offset 400 is outside utterance 1 of 'doc'",
            text(header + "doc\t1\t0\t400\tx\n"))
        add("a bad round", "f.tsv", sheet, "FILE:2: round '7' must be 1 or 2", text(header + "doc\t1\t\t\tx\t7\n"))
        add("a binary sheet", "g.tsv", sheet, "FILE:1:3: the file contains NUL bytes", { _ in [0x64, 0x6F, 0, 0x01] })
        add("an empty code", "h.tsv", sheet, "FILE:2: the code is empty", text(header + "doc\t1\t\t\t\t1\n"))
        add("a reversed range", "i.tsv", sheet, "FILE:2: utterance '2-1'", text(header + "doc\t2-1\t\t\tx\n"))
        // YAML codebooks and recipes.
        let themes = ["themes", "load", "FILE"]
        add(
            "a YAML alias bomb", "a.yaml", themes, "FILE: the document expands to more than",
            { _ in
                var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
                for level in 1...9 {
                    yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
                }
                return Array((yaml + "themes: *a9\n").utf8)
            })
        add("a wrong type", "b.yaml", themes, "FILE: at .themes:", text("themes: just a sentence\n"))
        add("a YAML syntax error", "c.yaml", themes, "FILE:3:1: YAML error", text("themes:\n  - id: \"unclosed\n"))
        add(
            "a duplicate theme id", "d.yaml", themes, "FILE: theme id 'x' appears twice",
            text("themes:\n  - {id: x, label: X}\n  - {id: x, label: Y}\n"))
        add("an empty YAML file", "e.yaml", themes, "FILE: the file is empty", text("# nothing\n"))
        add("a missing key", "f.yaml", themes, "the key 'label' is missing", text("themes:\n  - id: x\n"))
        add(
            "a recipe with an unknown step", "g.yaml", ["build", "FILE", "--out", "out"], "FILE:3: unknown step",
            text("name: x\nsteps:\n  - bake: cake\n"))
        add(
            "a recipe with a wrong round", "h.yaml", ["build", "FILE", "--out", "out"], "FILE:3: 'round' must be a whole number",
            text("name: x\nsteps:\n  - round: two\n"))
        return list
    }()

    @Test func catalogueIsLarge() { #expect(Self.cases.count >= 40) }

    /// Every case names its own reason, not only the file.
    @Test func everyCaseExpectsItsOwnMessage() {
        let vague = Self.cases.filter { $0.expect.trimmingCharacters(in: CharacterSet(charactersIn: "FILE:0123456789 ")).isEmpty }
        #expect(vague.map(\.name) == ["a .qdpx that is not a zip archive", "a malformed .qdc codebook"])
    }

    @Test(arguments: cases)
    func refusedClearlyAndNothingChanges(_ entry: Case) throws {
        let folder = TemporaryDirectory()
        folder.write("secret.txt", Self.secret)
        folder.write("evil.dtd", "<!ENTITY leak SYSTEM \"file://\(folder.path)/secret.txt\">")
        let project = folder.file("p.cda")
        let store = try ProjectStore.create(at: project)
        _ = try store.save(
            try PlainTextReader().read(
                SourceFile(path: "doc.txt", bytes: Array("# speakers: A1\nA1: een korte zin\nA1: nog een zin\n".utf8)),
                options: ReadOptions()), replace: false)
        let before = try store.dump()
        let path = folder.write(entry.file, bytes: entry.bytes(folder.path))
        let arguments = entry.command.map { $0.replacingOccurrences(of: "FILE", with: path) }
        let result = try CLI.run(arguments, in: folder.path, environment: ["CDA_PROJECT": project])
        #expect(result.status != 0, "exit status was 0")
        let expected = entry.expect.replacingOccurrences(of: "FILE", with: path)
        #expect(result.error.contains(expected), "stderr: \(result.error.prefix(400))")
        #expect(!result.error.contains(Self.secret) && !result.output.contains(Self.secret))
        let after = try ProjectStore.open(at: project).dump()
        #expect(after == before, "the project changed")
        #expect(!after.contains(Self.secret))
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }

    @Test(.enabled(if: CLI.canMeasurePeak, "measuring one process's peak memory needs python3"))
    func memoryStaysBounded() throws {
        // Run the largest inputs again, each child measured on its own (wait4 on its process id).
        let folder = TemporaryDirectory()
        let project = folder.file("p.cda")
        _ = try ProjectStore.create(at: project)
        let largest = ["a 100 MB single line", "billion laughs", "quadratic blowup", "100,000-deep nesting", "a YAML alias bomb"]
        for entry in Self.cases where largest.contains(entry.name) {
            let path = folder.write(entry.file, bytes: entry.bytes(folder.path))
            let run = try CLI.runMeasuringPeak(
                entry.command.map { $0.replacingOccurrences(of: "FILE", with: path) }, in: folder.path,
                environment: ["CDA_PROJECT": project])
            #expect(run.status != 0, "\(entry.name) was accepted")
            #expect(run.error.contains(entry.expect.replacingOccurrences(of: "FILE", with: path)), "\(entry.name): \(run.error)")
            #expect(run.peakKilobytes > 0, "\(entry.name): no peak measured")
            #expect(run.peakKilobytes < 400 * 1024, "\(entry.name) used \(run.peakKilobytes / 1024) MB")
        }
    }
}
