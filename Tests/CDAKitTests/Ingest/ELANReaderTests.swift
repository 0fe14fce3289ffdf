import CDAKit
import CDATestSupport
import Foundation
import Testing

@Suite struct ELANReaderTests {
    /// Two speakers talk at once (P02 starts at 2.5 s while P01 speaks until 4 s); a translation
    /// tier depends on P01's tier; one slot is unaligned.
    static let overlapping = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ANNOTATION_DOCUMENT AUTHOR="" DATE="2025-04-02T10:00:00+01:00" FORMAT="3.0" VERSION="3.0">
          <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
            <MEDIA_DESCRIPTOR MEDIA_URL="file:///data/gesprek.wav" MIME_TYPE="audio/x-wav"/>
          </HEADER>
          <TIME_ORDER>
            <TIME_SLOT TIME_SLOT_ID="t1" TIME_VALUE="0"/>
            <TIME_SLOT TIME_SLOT_ID="t2" TIME_VALUE="1500"/>
            <TIME_SLOT TIME_SLOT_ID="t3" TIME_VALUE="1600"/>
            <TIME_SLOT TIME_SLOT_ID="t4" TIME_VALUE="2500"/>
            <TIME_SLOT TIME_SLOT_ID="t5" TIME_VALUE="4000"/>
            <TIME_SLOT TIME_SLOT_ID="t6"/>
            <TIME_SLOT TIME_SLOT_ID="t7" TIME_VALUE="6000"/>
          </TIME_ORDER>
          <TIER LINGUISTIC_TYPE_REF="ut" TIER_ID="M" PARTICIPANT="">
            <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="t1" TIME_SLOT_REF2="t2">
              <ANNOTATION_VALUE>Wat denkt u?</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
          </TIER>
          <TIER LINGUISTIC_TYPE_REF="ut" TIER_ID="tier-b" PARTICIPANT="P02">
            <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a3" TIME_SLOT_REF1="t4" TIME_SLOT_REF2="t6">
              <ANNOTATION_VALUE>Ja, precies 👍🏽</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
            <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a9" TIME_SLOT_REF1="t6" TIME_SLOT_REF2="t7">
              <ANNOTATION_VALUE>   </ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
          </TIER>
          <TIER LINGUISTIC_TYPE_REF="ut" TIER_ID="tier-a" PARTICIPANT="P01">
            <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="t3" TIME_SLOT_REF2="t5">
              <ANNOTATION_VALUE>Eén loket,
                alstublieft.</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
          </TIER>
          <TIER LINGUISTIC_TYPE_REF="tr" TIER_ID="tier-a-en" PARENT_REF="tier-a">
            <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a4" ANNOTATION_REF="a2">
              <ANNOTATION_VALUE>One desk, please.</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
          </TIER>
          <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="ut" TIME_ALIGNABLE="true"/>
        </ANNOTATION_DOCUMENT>
        """

    private func read(_ text: String, _ name: String = "gesprek.eaf") throws -> Transcript {
        try ELANReader().read(SourceFile(path: name, bytes: Array(text.utf8)), options: ReadOptions())
    }

    @Test func annotationsBecomeUtterancesInTimeOrderWithOverlap() throws {
        let transcript = try read(Self.overlapping)
        #expect(transcript.document.id == "gesprek")
        #expect(transcript.document.format == .elan)
        #expect(transcript.utterances.map(\.speakerID) == ["M", "P01", "P02"])
        #expect(transcript.utterances.map(\.text) == ["Wat denkt u?", "Eén loket, alstublieft.", "Ja, precies 👍🏽"])
        #expect(transcript.utterances.map(\.start) == [0, 1.6, 2.5])
        #expect(transcript.utterances.map(\.end) == [1.5, 4, nil])
        #expect(transcript.utterances.map(\.sourceReference) == ["a1", "a2", "a3"])
        #expect(transcript.speakers.map(\.id) == ["M", "P01", "P02"])
        #expect(transcript.document.attributes == ["overlaps": "1", "media": "gesprek.wav", "date": "2025-04-02"])
    }

    @Test func undefinedTimeSlotNamesThePosition() {
        let text = Self.overlapping.replacingOccurrences(of: "TIME_SLOT_REF2=\"t5\"", with: "TIME_SLOT_REF2=\"t99\"")
        let error = #expect(throws: IngestError.self) { try read(text) }
        guard case .undefinedReference(let location, "ALIGNABLE_ANNOTATION", "TIME_SLOT_REF2", "t99")? = error else {
            Issue.record("wrong error \(String(describing: error))")
            return
        }
        #expect(location.line == 26)
        #expect(!String(describing: error!).contains("loket"))
    }

    @Test func otherTimeUnitsAndRootsAreRefused() {
        let seconds = Self.overlapping.replacingOccurrences(of: "TIME_UNITS=\"milliseconds\"", with: "TIME_UNITS=\"NTSC-frames\"")
        #expect(throws: IngestError.self) { try read(seconds) }
        #expect(throws: IngestError.self) { try read("<transcript/>") }
        #expect(throws: IngestError.self) {
            try read(Self.overlapping.replacingOccurrences(of: "TIME_VALUE=\"0\"", with: "TIME_VALUE=\"-5\""))
        }
    }

    @Test func entitiesAreRefused() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE ANNOTATION_DOCUMENT [<!ENTITY x "boem">]>
            <ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="t1" TIME_VALUE="0"/></TIME_ORDER>
            <TIER TIER_ID="A"><ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1="t1" TIME_SLOT_REF2="t1">
            <ANNOTATION_VALUE>&x;</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>
            """
        let error = #expect(throws: IngestError.self) { try read(text) }
        guard case .entityDeclarations? = error else {
            Issue.record("wrong error \(String(describing: error))")
            return
        }
    }

    @Test func detectedByExtensionAndIngested() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("sessie.eaf", Self.overlapping)
        #expect(try FormatDetector.format(of: SourceFile(contentsOf: path)) == .elan)
        #expect(FormatDetector.transcriptExtensions.isSuperset(of: ["eaf", "trs"]))
        let store = try ProjectStore.create(at: folder.file("p.cda"))
        let outcomes = try Ingester(store: store, options: .init(group: "citizens")).ingest(paths: [folder.path])
        #expect(outcomes.map(\.status) == ["ingested"])
        #expect(try store.utterances(of: "sessie").count == 3)
    }
}
