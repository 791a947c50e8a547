// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Digest",
    dependencies: [
        // This repository. Named, because a path package is otherwise known by its
        // folder's name, and a checkout's folder may have any name.
        .package(name: "ActorGraph", path: "../../.."),
    ],
    targets: [
        .executableTarget(
            name: "digest",
            dependencies: [.product(name: "ActorGraph", package: "ActorGraph")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
