#!/usr/bin/env bash
# The project's test command (README.md): format, lints, every test of the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy --all-targets -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --workspace --locked
echo "== demo (the main job, with its own checks)"
cargo run --quiet --locked -p crossing -- demo --out "$(mktemp -d)" >/dev/null
echo "all checks passed"
