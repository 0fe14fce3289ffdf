// swift-tools-version: 6.1
// A separate package so that the fuzz harness (which has no `main`) never enters the normal build.
import PackageDescription

let package = Package(
    name: "cda-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "cda", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzCDA",
            dependencies: [.product(name: "CDAKit", package: "cda")]
        )
    ],
    swiftLanguageModes: [.v6]
)
