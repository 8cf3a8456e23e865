#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer through cargo-fuzz, stable toolchain, no sanitizer) of the
# five parsers/encoders in fuzz/fuzz_targets. Usage: scripts/fuzz.sh [seconds per target]
# (CI: 20; docs/reliability.md records a longer local run). A crash exits non-zero and leaves the
# input in fuzz/artifacts/<target>/; each one found becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-20}"
if ! cargo fuzz --version 2>/dev/null | grep -q "0.13.2"; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
cd fuzz
cargo fuzz build -s none
for t in trip_document change_page event_upload barcodes borderconnect_import; do
  mkdir -p "corpus/$t"
  log="$(mktemp)"
  if ! cargo fuzz run -s none "$t" "corpus/$t" "seeds/$t" -- \
      -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $t FAILED (input saved under fuzz/artifacts/$t/)" >&2
    exit 1
  fi
  runs=$(grep -oE "^Done [0-9]+ runs" "$log" | grep -oE "[0-9]+" || echo "?")
  cov=$(grep -oE "cov: [0-9]+" "$log" | tail -1 | grep -oE "[0-9]+" || echo "?")
  corpus=$(find "corpus/$t" -type f | wc -l)
  echo "fuzz: $t ok — $runs executions in ${SECONDS_PER_TARGET}s, coverage $cov edges, corpus $corpus inputs, 0 crashes"
  rm -f "$log"
done
