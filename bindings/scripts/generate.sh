#!/usr/bin/env bash
# Builds the host library (debug, unstripped: bindgen reads its metadata) and generates the
# Kotlin and Swift bindings into build/gen/. Generated code is never edited by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
# CROSSING_FFI_FEATURES=test-hooks adds the shells' test hooks (bindings/scripts/kotlin-test.sh);
# bindings for an app are generated without them, from the same library the app ships.
cargo build --locked -p crossing-ffi ${CROSSING_FFI_FEATURES:+--features "$CROSSING_FFI_FEATURES"}
cargo build --locked -p uniffi-bindgen
rm -rf build/gen
for lang in kotlin swift; do
  ./target/debug/uniffi-bindgen generate --library target/debug/libcrossing_ffi.so \
    --language "$lang" --out-dir "build/gen/$lang" --no-format
done
echo "generated: build/gen/kotlin/app/crossing/core/crossing_ffi.kt, build/gen/swift/{CrossingCore.swift,CrossingCoreFFI.h,CrossingCoreFFI.modulemap}"
