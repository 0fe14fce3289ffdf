import ArgumentParser
import CDAKit

/// The filters shared by the discourse instruments.
struct ScopeOptions: ParsableArguments {
    @OptionGroup var grouping: GroupingOptions
    @Option(help: "Only this group (a value of --by).") var group: String?
    @Option(name: .customLong("doc"), help: "Only this document.") var document: String?
    @Option(help: "Only this speaker.") var speaker: String?
    @Option(help: "Only text coded with this code (repeatable).") var code: [String] = []
    @Option(help: "Only text coded for this theme.") var theme: String?
    @Flag(name: .customLong("include-moderators"), help: "Also read moderators' and observers' talk.") var includeModerators = false
    @Flag(name: .customLong("fold-diacritics"), help: "Compare words without diacritics (een = één).") var foldDiacritics = false

    var scope: TextScope {
        TextScope(
            by: grouping.by, group: group, document: document, speaker: speaker, codes: code, theme: theme,
            includeModerators: includeModerators, foldDiacritics: foldDiacritics)
    }
}
