/// Why a recording could not be read or linked.
///
/// Messages name the file (as the user gave it) and what was wrong, never the recording's content.
public enum MediaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file is not a container `cda` reads (WAV, MP3, MP4/M4A, Ogg, WebM/Matroska).
    case unknownFormat(file: String)
    /// The file looks like a known container, but its header cannot be read.
    case malformed(file: String, format: MediaFormat, detail: String)
    /// The document has no linked recording.
    case notLinked(documentID: String)
    /// The offset is not a finite number of seconds.
    case invalidOffset(Double)

    /// `FILE: message`, in words a researcher understands.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file (\(reason))"
        case .unknownFormat(let file):
            return "\(file): not a recording cda can read; link a WAV, MP3, MP4/M4A, Ogg (Vorbis or Opus) or WebM/Matroska file"
        case .malformed(let file, let format, let detail):
            return "\(file): a damaged or unusual \(format.title) file: \(detail)"
        case .notLinked(let documentID):
            return "Document '\(documentID)' has no linked recording. Link one with 'cda media add \(documentID) FILE'."
        case .invalidOffset(let offset):
            return "The offset \(offset) is not a number of seconds; give for example --offset 12.5."
        }
    }
}
