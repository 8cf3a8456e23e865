#!/usr/bin/env bash
# Builds libcrossing_ffi.so for arm64-v8a, armeabi-v7a and x86_64 with cargo-ndk (release,
# stripped), and generates the Kotlin bindings from the unstripped host library.
# Needs on the workstation: Android NDK (ANDROID_NDK_HOME), `cargo install cargo-ndk`,
# `rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android`.
# Usage: scripts/build-rust.sh OUT_DIR   (Gradle passes app/build/rustJniLibs)
set -euo pipefail
OUT=${1:?output directory}
cd "$(dirname "$0")/../.."
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -o "$OUT" build --release --locked -p crossing-ffi
bash bindings/scripts/generate.sh
