#!/usr/bin/env bash
# The fleet console in a real browser: Debian's Chromium (apt) driven by playwright-core (npm,
# pinned in tests/browser/package-lock.json; it downloads no browser), tests on Node's built-in
# runner. Usage: scripts/browser-tests.sh [screenshot dir] (default: a temporary dir).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
  fi
fi
cargo build --quiet --locked -p crossing-fleet --bin crossing-fleet
cargo build --quiet --locked -p crossing-integration-tests --bin console_fixture
(cd tests/browser && npm ci --no-audit --no-fund --silent)
if [ -n "${1:-}" ]; then export CONSOLE_SCREENSHOTS="$1"; fi
start=$(date +%s)
node --test --test-concurrency=1 tests/browser/console.test.mjs
echo "browser tests: $(( $(date +%s) - start )) s"
