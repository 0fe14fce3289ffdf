import ArgumentParser

/// `--by ATTRIBUTE`: what groups are compared by, shared by the report, the dynamics and every
/// discourse instrument.
struct GroupingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The attribute to compare by: a document or speaker attribute such as group, session, agegroup or party.",
            valueName: "attribute"))
    var by = "group"
}
