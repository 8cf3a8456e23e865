#!/usr/bin/env bash
# Builds the stripped release crossing-ffi for the host and fails if it exceeds the budget.
# Writes build/size-report.md (size, budget, largest crates by code size) for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# The issue's target is 4.0 MiB. It is not met yet (docs/benchmarks.md), so CI passes a regression
# ceiling instead (SIZE_BUDGET_BYTES); run without it to check the target itself.
BUDGET_BYTES="${SIZE_BUDGET_BYTES:-$((4 * 1024 * 1024))}"
cargo build --release --locked -p crossing-ffi
mkdir -p build
LIB=target/release/libcrossing_ffi.so
cp "$LIB" build/libcrossing_ffi.unstripped.so
strip -o build/libcrossing_ffi.stripped.so "$LIB"
SIZE=$(stat -c %s build/libcrossing_ffi.stripped.so)
{
  echo "Stripped release \`libcrossing_ffi.so\` (x86_64, opt-level s, fat LTO, 1 CGU, panic = unwind, packed relative relocations): **$SIZE bytes ($(awk "BEGIN{printf \"%.2f\", $SIZE/1048576}") MiB)**; budget checked: $BUDGET_BYTES bytes; target 4194304 bytes (4.0 MiB)."
  TARGET=4194304
  if [ "$SIZE" -le "$TARGET" ]; then
    echo "Against the 4.0 MiB target: **met**, $((TARGET - SIZE)) bytes to spare."
  else
    echo "Against the 4.0 MiB target: **missed** by $((SIZE - TARGET)) bytes ($(awk "BEGIN{printf \"%.1f\", ($SIZE-$TARGET)*100/$TARGET}")%)."
  fi
  echo
  echo "Largest contributors by symbol size (approximate, from the unstripped library; C code of SQLite and ring shows as their own symbols; "other" is mostly data tables (tz, root certificates, Unicode) and unnamed code):"
  echo
  echo "| crate / library | bytes |"
  echo "|---|---|"
  nm -S --size-sort -C build/libcrossing_ffi.unstripped.so 2>/dev/null | python3 -c '
import re, sys, collections
sizes = collections.Counter()
for line in sys.stdin:
    parts = line.split(None, 3)
    if len(parts) < 4: continue
    size, name = int(parts[1], 16), parts[3]
    m = re.match(r"^(?:<|_<)?(?:impl )?([a-z_][a-z0-9_]*)::", name)
    if m: key = m.group(1)
    elif name.startswith("sqlite3") or name.startswith("sqlite"): key = "sqlite (C)"
    elif name.startswith("ring_core"): key = "ring (C/asm)"
    else: key = "other"
    sizes[key] += size
for k, v in sizes.most_common(14):
    print(f"| {k} | {v} |")
'
} > build/size-report.md
cat build/size-report.md
if [ "$SIZE" -gt "$BUDGET_BYTES" ]; then
  echo "size budget exceeded: $SIZE > $BUDGET_BYTES bytes" >&2
  exit 1
fi
echo "size budget ok: $SIZE <= $BUDGET_BYTES bytes"
