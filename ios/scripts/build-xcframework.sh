#!/usr/bin/env bash
# Builds CrossingCoreFFI.xcframework (device + simulator slices) and copies the generated Swift
# into Sources/CrossingCore. Run on a Mac with Xcode and:
#   rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/ios/build
rm -rf "$OUT" && mkdir -p "$OUT/headers"

# Bindings from the unstripped host library (docs/toolchain.md pitfall 3).
cargo build --locked -p crossing-ffi
cargo build --locked -p uniffi-bindgen
./target/debug/uniffi-bindgen generate --library target/debug/libcrossing_ffi.dylib \
  --language swift --out-dir "$OUT/gen" --no-format
cp "$OUT/gen/CrossingCore.swift" ios/Sources/CrossingCore/CrossingCore.swift
cp "$OUT/gen/CrossingCoreFFI.h" "$OUT/headers/"
cp "$OUT/gen/CrossingCoreFFI.modulemap" "$OUT/headers/module.modulemap"

for t in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin; do
  cargo build --locked --release -p crossing-ffi --target "$t"
done
mkdir -p "$OUT/sim"
lipo -create target/aarch64-apple-ios-sim/release/libcrossing_ffi.a \
  target/x86_64-apple-ios/release/libcrossing_ffi.a -output "$OUT/sim/libcrossing_ffi.a"
xcodebuild -create-xcframework \
  -library target/aarch64-apple-ios/release/libcrossing_ffi.a -headers "$OUT/headers" \
  -library "$OUT/sim/libcrossing_ffi.a" -headers "$OUT/headers" \
  -library target/aarch64-apple-darwin/release/libcrossing_ffi.a -headers "$OUT/headers" \
  -output "$OUT/CrossingCoreFFI.xcframework"
echo "built $OUT/CrossingCoreFFI.xcframework; then: cd ios && swift build && swift test (app: xcodegen && open Crossing.xcodeproj)"
