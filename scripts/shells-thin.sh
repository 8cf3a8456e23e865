#!/usr/bin/env bash
# The shells stay thin (issue 13, ADR 0027): hand-written Kotlin in android/app and Swift in ios/
# each under 1,500 lines, and no event-kind logic in either (the kinds, their inputs and labels
# are the core's; tests may name kinds for their fixtures).
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT=1500
kotlin=$(cat $(find android/app -name '*.kt') | wc -l)
swift=$(cat $(find ios -name '*.swift' -not -path '*/Sources/CrossingCore/*') | wc -l)
echo "shells: android/app $kotlin lines of Kotlin, ios $swift lines of Swift (limit $LIMIT each)"
[ "$kotlin" -lt "$LIMIT" ] || { echo "android/app is over $LIMIT lines" >&2; exit 1; }
[ "$swift" -lt "$LIMIT" ] || { echo "ios/ is over $LIMIT lines" >&2; exit 1; }
if grep -rnE 'EventKind|InspectionLevel' android/app --include='*.kt' ios/App ios/Sources/CrossingKit --include='*.swift'; then
  echo "event-kind logic in a shell (above): the core decides it" >&2
  exit 1
fi
