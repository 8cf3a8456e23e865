// swift-tools-version:5.9
// CrossingKit: the generated Swift bindings (target CrossingCore, written by
// scripts/build-xcframework.sh, never edited) plus a thin idiomatic layer (CrossingKit).
import PackageDescription

let package = Package(
    name: "CrossingKit",
    platforms: [.iOS(.v16), .macOS(.v13)],
    products: [
        .library(name: "CrossingKit", targets: ["CrossingKit"]),
    ],
    targets: [
        .binaryTarget(name: "CrossingCoreFFI", path: "build/CrossingCoreFFI.xcframework"),
        .target(name: "CrossingCore", dependencies: ["CrossingCoreFFI"], path: "Sources/CrossingCore"),
        .target(name: "CrossingKit", dependencies: ["CrossingCore"], path: "Sources/CrossingKit"),
        .testTarget(name: "CrossingKitTests", dependencies: ["CrossingKit"], path: "Tests/CrossingKitTests"),
    ]
)
