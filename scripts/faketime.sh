#!/usr/bin/env bash
# Runs every Rust test binary of the workspace and the demo again with the wall clock moved
# (Debian's libfaketime, preloaded into the test executables themselves, never into cargo: a
# preloaded cargo deadlocked rustdoc here). Proves no test or demo depends on the date it runs
# on. Monotonic time is left alone (FAKETIME_DONT_FAKE_MONOTONIC=1), so timeouts and backoff
# keep real time. Child processes (the CLI, fleet servers, crash helpers) inherit the preload.
#
# Usage: scripts/faketime.sh [OFFSET...]   (default: +400d +1200d -20d)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LIB=/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1
if [ ! -f "$LIB" ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends faketime >/dev/null
fi
[ -f "$LIB" ] || { echo "faketime: $LIB missing (apt-get install faketime)" >&2; exit 1; }
OFFSETS=("$@")
[ ${#OFFSETS[@]} -gt 0 ] || OFFSETS=(+400d +1200d -20d)

# Test executables with the folder cargo would run each in (its package's manifest folder).
LIST=$(mktemp)
trap 'rm -f "$LIST"' EXIT
cargo test --locked --no-run --message-format=json 2>/dev/null | python3 -c '
import json, os, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["profile"]["test"]:
        print(os.path.dirname(m["manifest_path"]) + "\t" + m["executable"])
' > "$LIST"
[ -s "$LIST" ] || { echo "faketime: no test executables found" >&2; exit 1; }
cargo build --locked -q -p crossing
n=$(wc -l < "$LIST")

for off in "${OFFSETS[@]}"; do
  start=$SECONDS
  shown=$(FAKETIME="$off" FAKETIME_DONT_FAKE_MONOTONIC=1 LD_PRELOAD="$LIB" date -u +%Y-%m-%dT%H:%MZ)
  # The preload must take: a clock that did not move would prove nothing.
  [ "$shown" != "$(date -u +%Y-%m-%dT%H:%MZ)" ] || { echo "faketime: $off did not move the clock" >&2; exit 1; }
  failed=0
  while IFS=$'\t' read -r dir exe; do
    log=$(mktemp)
    if ! (cd "$dir" && FAKETIME="$off" FAKETIME_DONT_FAKE_MONOTONIC=1 LD_PRELOAD="$LIB" \
          "$exe" --test-threads=2 >"$log" 2>&1); then
      # The panic message first: a backtrace would push it out of a plain tail.
      grep -A6 'panicked at' "$log" | grep -v '^ *[0-9]*: \|^ *at ' | head -60 || true
      tail -8 "$log"
      echo "faketime $off: FAILED $exe" >&2
      failed=1
    fi
    rm -f "$log"
  done < "$LIST"
  if ! FAKETIME="$off" FAKETIME_DONT_FAKE_MONOTONIC=1 LD_PRELOAD="$LIB" \
      "$ROOT/target/debug/crossing" demo --out "$(mktemp -d)" > /tmp/crossing-faketime-demo.log 2>&1; then
    tail -20 /tmp/crossing-faketime-demo.log
    echo "faketime $off: demo FAILED" >&2
    failed=1
  fi
  [ $failed -eq 0 ] || exit 1
  echo "faketime $off (clock showed $shown): $n test binaries and the demo passed in $((SECONDS - start)) s"
done
