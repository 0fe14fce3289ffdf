// swift-tools-version: 6.1
// Benchmark tools, kept out of the main package so they never slow the normal build or tests.
import PackageDescription

let package = Package(
    name: "cda-benchmarks",
    targets: [
        .executableTarget(name: "CorpusGenerator", path: "Sources/CorpusGenerator")
    ],
    swiftLanguageModes: [.v6]
)
