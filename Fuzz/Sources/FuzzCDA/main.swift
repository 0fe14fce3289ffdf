import CDAKit
import Foundation

/// The fuzz target to exercise, chosen by the `CDA_FUZZ_TARGET` environment variable:
/// `text`, `tei`, `xml`, `vtt`, `srt`, `eaf`, `trs`, `cha`, `persons`, `sheet`, `codebook`.
private let target = ProcessInfo.processInfo.environment["CDA_FUZZ_TARGET"] ?? "text"

/// libFuzzer's entry point: reads one input with the chosen reader; every error is an expected
/// outcome, only a crash, a hang or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = SourceFile(path: "fuzz-input", bytes: bytes)
    switch target {
    case "text": _ = try? PlainTextReader().read(source, options: ReadOptions())
    case "tei": _ = try? TEIReader().read(source, options: ReadOptions())
    case "xml": _ = try? TranscriptXMLReader().read(source, options: ReadOptions())
    case "vtt": _ = try? CaptionReader(format: .vtt).read(source, options: ReadOptions())
    case "srt": _ = try? CaptionReader(format: .srt).read(source, options: ReadOptions())
    case "eaf": _ = try? ELANReader().read(source, options: ReadOptions())
    case "trs": _ = try? TranscriberReader().read(source, options: ReadOptions())
    case "cha": _ = try? CHATReader().read(source, options: ReadOptions())
    case "persons": _ = try? PersonListReader.read(source)
    case "sheet": _ = CodingSheet.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz-input", defaultCoder: "fuzz")
    case "codebook": _ = try? Codebook.parse(String(decoding: bytes, as: UTF8.self))
    default: fatalError("unknown CDA_FUZZ_TARGET '\(target)'")
    }
    return 0
}
