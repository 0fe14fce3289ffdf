import CDAKit

/// Small transcripts written for the tests.
public enum Fixtures {
    /// A plain-text transcript with a header, timestamps, Dutch diacritics, a continuation line and two sections.
    public static let plainText = """
        # title: Testgesprek
        # group: citizens
        # session: afternoon
        # moderator: GL
        # speakers: GL, P01, P02
        # speaker P01: agegroup=18-34

        ## plenary
        [00:00:05] GL: Welkom bij de sessie.
        [00:01:10] P01: Ik vind één loket belangrijk, zo'n sociaal-economisch vraagstuk.
        Dat geldt ook voor coördinatie.
        [01:02] P02: Ideeën genoeg!
        ## subgroup B
        P01: Naïef misschien.

        """

    /// The project's own transcript XML with two sections and an end time.
    public static let transcriptXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <transcript id="experts-x" group="experts" session="morning" title="Expertsessie">
          <speakers>
            <speaker id="M" role="moderator" name="Gespreksleider"/>
            <speaker id="E01" sector="wetenschap"/>
          </speakers>
          <section name="plenary">
            <turn speaker="M" start="00:00:10">Wat ziet u?</turn>
            <turn speaker="E01" start="00:00:20" end="00:01:00">Publieke waarden &amp;
              efficiëntie.</turn>
          </section>
          <turn speaker="E01" section="subgroup A" start="00:05:00">Het mattheüseffect.</turn>
        </transcript>
        """

    /// A TEI document with a header person list, a note, a gap and a kinesic.
    public static let tei = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="tei-test" xml:lang="nl">
          <teiHeader><fileDesc><titleStmt>
            <title type="main" xml:lang="en">English title</title>
            <title type="main" xml:lang="nl">Nederlandse titel</title>
          </titleStmt></fileDesc>
          <profileDesc><settingDesc><setting><date when="2024-05-01"/></setting></settingDesc>
          <particDesc><listPerson>
            <person xml:id="Chair1"><persName><forename>Ada</forename><surname>de Boer</surname></persName><sex value="F"/></person>
            <person xml:id="Member2"><persName><forename>Bram</forename><surname>Ünal</surname></persName>
              <affiliation role="member" ref="#party.X" to="2020-01-01"/><affiliation role="member" ref="#party.Y"/></person>
          </listPerson></particDesc></profileDesc>
          </teiHeader>
          <text><body><div type="debateSection">
            <note type="speaker">De voorzitter</note>
            <u who="#Chair1" ana="#chair" xml:id="u1"><seg xml:id="s1">Ik open de vergadering.</seg></u>
            <u who="#Member2" ana="#regular" xml:id="u2">
              <seg xml:id="s2">Eerste deel.</seg>
              <kinesic type="applause"><desc>Applaus</desc></kinesic>
              <seg xml:id="s3">Tweede <note>terzijde</note>deel.</seg>
            </u>
            <gap reason="editorial"><desc>SAMPLING</desc></gap>
          </div></body></text>
        </TEI>
        """

    /// WebVTT captions with voice tags; the second speaker's cues are joined into one turn.
    public static let vtt = """
        WEBVTT

        NOTE a comment --> not a cue

        1
        00:00:01.000 --> 00:00:03.500
        <v GL>Goedemiddag.</v>

        2
        00:00:04.000 --> 00:00:06.000 align:start
        <v P01>Ik denk dat</v>

        00:00:06.000 --> 00:00:08.250
        <v P01>het <i>kan</i>.</v>
        """

    /// SubRip captions with `Name:` prefixes and CRLF line ends.
    public static let srt =
        "1\r\n00:00:01,000 --> 00:00:02,500\r\nP01: Eerste zin.\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nP02: Tweede zin.\r\n"
}
