public import ArgumentParser
public import CDAKit

// The exchange options' enums read straight from the command line (`--positions utf16`,
// `--sources text`); their raw values are the spellings.
extension PositionUnit: ExpressibleByArgument {}
extension SourceReading: ExpressibleByArgument {}
