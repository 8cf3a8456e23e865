#!/usr/bin/env bash
# One command for the benchmarks: the size budget, the JVM (Kotlin/JNA) timing of the manifest
# view, then `cargo bench -p crossing-bench`, which writes docs/benchmarks.md with all of it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/size-budget.sh || echo "size budget exceeded: recorded in build/size-report.md" >&2
# JVM timing (needs the same tools as bindings/scripts/kotlin-test.sh; skipped if absent).
K=.cache/kotlin-compiler/package
if [ -x "$K/bin/kotlinc" ] && [ -f /usr/share/java/jna.jar ]; then
  cargo build --release --locked -p crossing-ffi
  cargo build --locked -p crossing-ffi -p uniffi-bindgen
  bash bindings/scripts/generate.sh >/dev/null
  mkdir -p build/kotlin-bench
  bash "$K/bin/kotlinc" -nowarn -d build/kotlin-bench/bench.jar \
    -cp /usr/share/java/jna.jar:$K/lib/kotlinx-coroutines-core-jvm.jar \
    build/gen/kotlin/app/crossing/core/crossing_ffi.kt bindings/kotlin/bench/app/crossing/bench/ManifestBench.kt
  java -Djna.library.path="$PWD/target/release" \
    -cp build/kotlin-bench/bench.jar:/usr/share/java/jna.jar:$K/lib/kotlin-stdlib.jar:$K/lib/kotlinx-coroutines-core-jvm.jar \
    app.crossing.bench.ManifestBenchKt examples | tee build/ffi-bench.txt
else
  echo "JVM timing skipped: run bash bindings/scripts/kotlin-test.sh once to fetch the tools" | tee build/ffi-bench.txt
fi
cargo bench --locked -p crossing-bench
