import ArgumentParser
import CDAKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a REFI-QDA file (.qdpx, .qde or .qdc) against the official XML Schemas and cda's own checks.")

    @OptionGroup var output: OutputOptions
    @OptionGroup var schemas: SchemaOptions
    @Argument(help: "The files to check.") var files: [String]

    func run() throws {
        let found = try schemas.locateOrSkip()
        var results: [ExchangeValidationResult] = []
        for file in files { results.append(try REFIExchange.validate(file, schemas: found)) }
        if output.json {
            try Output.printJSON(results)
        } else {
            for result in results {
                let against = result.schema.map { "against \($0)" } ?? "by cda's own checks (schema validation skipped)"
                if result.isValid {
                    print("\(result.file): valid \(against)")
                } else {
                    result.problems.forEach(Output.printError)
                    Output.printError("\(result.file): \(result.problems.count) problem(s) \(against)")
                }
            }
        }
        if results.contains(where: { !$0.isValid }) { throw ExitCode(1) }
    }
}
