import Foundation

/// Reads ELAN annotation documents (`.eaf`).
///
/// ```xml
/// <ANNOTATION_DOCUMENT …>
///   <HEADER TIME_UNITS="milliseconds"><MEDIA_DESCRIPTOR MEDIA_URL="file:///…/workshop.wav"/></HEADER>
///   <TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1200"/>…</TIME_ORDER>
///   <TIER TIER_ID="P01" PARTICIPANT="P01" LINGUISTIC_TYPE_REF="utterance">
///     <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
///       <ANNOTATION_VALUE>…</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
///   </TIER>
/// </ANNOTATION_DOCUMENT>
/// ```
/// Every top-level tier (one without `PARENT_REF`) holds one speaker's talk: the speaker is the
/// tier's `PARTICIPANT`, else its `TIER_ID`. Dependent tiers (translations, glosses, subdivisions)
/// and reference annotations are left out. Each alignable annotation with text becomes one
/// utterance with its start and end time; utterances are ordered by start time, then end time,
/// then tier order. Overlapping speech stays as separate utterances in that order, and the
/// document attribute `overlaps` counts the utterances that start before an earlier one ended.
/// A time slot without `TIME_VALUE` (unaligned) orders like the aligned slot before it and gives
/// no time. The annotation id is kept as the utterance's source reference.
public struct ELANReader: TranscriptReader {
    /// Creates a reader.
    public init() {}

    /// `.elan`.
    public var format: DocumentFormat { .elan }

    private struct Tier {
        var id: String
        var speaker: String
        var isDependent: Bool
    }

    private struct Annotation {
        var id: String?
        var tier: Int
        var order: Int
        var slots: (String, String)
        var text: String
        var location: SourceLocation
    }

    /// Reads an ELAN document.
    ///
    /// - Throws: `IngestError.malformedXML`, `.entityNotAllowed`, `.unknownFormat` (another root
    ///   element, or time units other than milliseconds), `.missingAttribute`, `.invalidTime`,
    ///   `.undefinedReference` (a time slot that `TIME_ORDER` does not define) or `.noUtterances`.
    public func read(_ source: SourceFile, options: ReadOptions) throws(IngestError) -> Transcript {
        let xml = try XMLStreamReader(source)
        var slotOrder: [String: Int] = [:]
        var slotValues: [Int?] = []
        var tiers: [Tier] = []
        var annotations: [Annotation] = []
        var currentTier: Int?
        var attributes: [String: String] = [:]
        var sawRoot = false
        while let event = try xml.next() {
            guard case .start(let name, let attrs, let isEmpty) = event else {
                if case .end("TIER") = event { currentTier = nil }
                continue
            }
            if !sawRoot {
                guard name == "ANNOTATION_DOCUMENT" else {
                    throw .unknownFormat(xml.location, detail: "root element <\(name)>, expected <ANNOTATION_DOCUMENT>")
                }
                sawRoot = true
                if let date = attrs["DATE"], date.count >= 10 { attributes["date"] = String(date.prefix(10)) }
                continue
            }
            switch name {
            case "HEADER":
                if let units = attrs["TIME_UNITS"], units != "milliseconds" {
                    throw .unknownFormat(xml.location, detail: "TIME_UNITS '\(units)'; cda reads ELAN files in milliseconds")
                }
            case "MEDIA_DESCRIPTOR":
                if attributes["media"] == nil, let url = attrs["MEDIA_URL"], !url.isEmpty {
                    attributes["media"] = (url as NSString).lastPathComponent
                }
            case "TIME_SLOT":
                guard let id = attrs["TIME_SLOT_ID"], !id.isEmpty else {
                    throw .missingAttribute(xml.location, element: name, attribute: "TIME_SLOT_ID")
                }
                var milliseconds: Int?
                if let value = attrs["TIME_VALUE"] {
                    guard let parsed = Int(value), parsed >= 0 else { throw .invalidTime(xml.location, value: value) }
                    milliseconds = parsed
                }
                slotOrder[id] = slotValues.count
                slotValues.append(milliseconds)
            case "TIER":
                guard let id = attrs["TIER_ID"], !id.isEmpty else {
                    throw .missingAttribute(xml.location, element: name, attribute: "TIER_ID")
                }
                let participant = attrs["PARTICIPANT"]?.trimmingCharacters(in: .whitespaces) ?? ""
                let parent = attrs["PARENT_REF"] ?? ""
                tiers.append(Tier(id: id, speaker: participant.isEmpty ? id : participant, isDependent: !parent.isEmpty))
                currentTier = isEmpty ? nil : tiers.count - 1
            case "ALIGNABLE_ANNOTATION":
                let location = xml.location
                guard let tier = currentTier else {
                    try xml.skipElement(named: name, isEmpty: isEmpty)
                    continue
                }
                var refs: [String] = []
                for attribute in ["TIME_SLOT_REF1", "TIME_SLOT_REF2"] {
                    guard let ref = attrs[attribute], !ref.isEmpty else {
                        throw .missingAttribute(location, element: name, attribute: attribute)
                    }
                    refs.append(ref)
                }
                let text = isEmpty ? "" : try xml.readText()
                annotations.append(
                    Annotation(
                        id: attrs["ANNOTATION_ID"], tier: tier, order: annotations.count, slots: (refs[0], refs[1]),
                        text: text, location: location))
            case "REF_ANNOTATION":
                try xml.skipElement(named: name, isEmpty: isEmpty)
            default:
                continue
            }
        }
        guard sawRoot else { throw .unknownFormat(source.location(), detail: "no <ANNOTATION_DOCUMENT> root element") }
        let times = Self.effectiveTimes(slotValues)

        struct Timed {
            var annotation: Annotation
            var order: (start: Int, end: Int)
            var start: Int?
            var end: Int?
        }
        var timed: [Timed] = []
        for annotation in annotations where !tiers[annotation.tier].isDependent && !annotation.text.isEmpty {
            var indexes: [Int] = []
            for (attribute, ref) in [("TIME_SLOT_REF1", annotation.slots.0), ("TIME_SLOT_REF2", annotation.slots.1)] {
                guard let index = slotOrder[ref] else {
                    throw .undefinedReference(annotation.location, element: "ALIGNABLE_ANNOTATION", attribute: attribute, value: ref)
                }
                indexes.append(index)
            }
            timed.append(
                Timed(
                    annotation: annotation, order: (times[indexes[0]], times[indexes[1]]),
                    start: slotValues[indexes[0]], end: slotValues[indexes[1]]))
        }
        timed.sort { a, b in
            (a.order.start, a.order.end, a.annotation.tier, a.annotation.order)
                < (b.order.start, b.order.end, b.annotation.tier, b.annotation.order)
        }
        guard !timed.isEmpty else { throw .noUtterances(source.location()) }

        var utterances: [Utterance] = []
        var speakerOrder: [String] = []
        var overlaps = 0
        var latestEnd = Int.min
        for item in timed {
            let speaker = tiers[item.annotation.tier].speaker
            if !speakerOrder.contains(speaker) { speakerOrder.append(speaker) }
            if item.order.start < latestEnd { overlaps += 1 }
            latestEnd = max(latestEnd, item.order.end)
            utterances.append(
                Utterance(
                    index: utterances.count + 1, speakerID: speaker,
                    start: item.start.map { Double($0) / 1000 }, end: item.end.map { Double($0) / 1000 },
                    text: item.annotation.text, sourceReference: item.annotation.id))
        }
        if overlaps > 0 { attributes["overlaps"] = String(overlaps) }
        let id = options.documentID ?? source.baseName
        let document = Document(
            id: id, title: id, format: .elan, sourcePath: source.path, contentHash: source.contentHash,
            attributes: attributes)
        return Transcript(document: document, speakers: speakerOrder.map { Speaker(id: $0) }, utterances: utterances)
    }

    /// The time each slot orders by, in milliseconds: its own value, else the value of the nearest
    /// aligned slot before it in `TIME_ORDER` (0 when there is none).
    static func effectiveTimes(_ values: [Int?]) -> [Int] {
        var last = 0
        return values.map { value in
            if let value { last = value }
            return value ?? last
        }
    }
}
