// swift-tools-version:5.10
// CrossingCore: generated bindings (scripts/build-xcframework.sh; never edited). CrossingKit: the
// shell layer App/ draws from. Needs Xcode 16: generated records are Sendable only #if compiler(>=6).
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("StrictConcurrency")]

let package = Package(
    name: "CrossingKit",
    // macOS only so `swift build && swift test` run on a Mac; background tasks are iOS-only
    // and compiled under `#if os(iOS)`.
    platforms: [.iOS(.v16), .macOS(.v13)],
    products: [
        .library(name: "CrossingKit", targets: ["CrossingKit"]),
    ],
    targets: [
        .binaryTarget(name: "CrossingCoreFFI", path: "build/CrossingCoreFFI.xcframework"),
        .target(
            name: "CrossingCore", dependencies: ["CrossingCoreFFI"], path: "Sources/CrossingCore",
            exclude: ["README.md"]
        ),
        .target(
            name: "CrossingKit", dependencies: ["CrossingCore"], path: "Sources/CrossingKit",
            swiftSettings: strict
        ),
        .testTarget(
            name: "CrossingKitTests", dependencies: ["CrossingKit", "CrossingCore"],
            path: "Tests/CrossingKitTests", swiftSettings: strict
        ),
    ]
)
