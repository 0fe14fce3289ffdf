import Testing

@testable import CDAKit

@Suite struct MarkupEscapingTests {
    static let text = "a&b <c> \"d\" 'e'\tf\r\ng\u{1}"

    @Test func xmlTextEscapesMarkupAndKeepsCarriageReturns() {
        #expect(MarkupEscaping.escape(Self.text, for: .xmlText) == "a&amp;b &lt;c&gt; \"d\" 'e'\tf&#13;\ng\u{FFFD}")
    }

    @Test func xmlAttributesAlsoKeepQuotesTabsAndLineFeeds() {
        #expect(MarkupEscaping.escape(Self.text, for: .xmlAttribute) == "a&amp;b &lt;c&gt; &quot;d&quot; 'e'&#9;f&#13;&#10;g\u{FFFD}")
    }

    @Test func htmlEscapesBothQuotesAndLeavesTheRest() {
        #expect(MarkupEscaping.escape(Self.text, for: .html) == "a&amp;b &lt;c&gt; &quot;d&quot; &#39;e&#39;\tf\r\ng\u{1}")
    }
}
