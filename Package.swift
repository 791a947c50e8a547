// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ActorGraph",
    products: [
        .library(name: "ActorGraph", targets: ["ActorGraph"]),
        .executable(name: "actorgraph", targets: ["actorgraph"]),
        .executable(name: "actorgraph-bench", targets: ["actorgraph-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The only target that sees ICU headers; its public header uses <stdint.h> types only.
        .target(
            name: "CICUShim",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // The bundled gazetteers and event rules, as resources.
        .target(
            name: "ActorGraphGazetteers",
            path: "Gazetteers",
            exclude: ["README.md", "generate"],
            resources: [.copy("entities"), .copy("rules")]
        ),
        .target(
            name: "ActorGraph",
            dependencies: ["CICUShim", "ActorGraphGazetteers"]
        ),
        .executableTarget(
            name: "actorgraph",
            dependencies: [
                "ActorGraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Speed and memory, release builds only (Docs/Benchmarks.md).
        .executableTarget(
            name: "actorgraph-bench",
            dependencies: [
                "ActorGraph",
                "ActorGraphGazetteers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ActorGraphTests",
            dependencies: ["ActorGraph"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
