#!/usr/bin/env bash
# The shells stay thin (issue 13, ADR 0027): hand-written Kotlin in android/app and Swift in
# ios/App + ios/Sources/CrossingKit (tests aside, as on Android) each under 1,500 lines, no
# event-kind logic in either (the kinds, their inputs and labels are the core's; tests may name
# kinds for their fixtures), and no English literal on screen (issue 17): every word a driver
# reads comes from the core's catalogue (view models, ShellTexts, notices).
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT=1500
kotlin=$(cat $(find android/app -name '*.kt') | wc -l)
swift=$(cat $(find ios/App ios/Sources/CrossingKit -name '*.swift') | wc -l)
echo "shells: android/app $kotlin lines of Kotlin, ios $swift lines of Swift (limit $LIMIT each)"
[ "$kotlin" -lt "$LIMIT" ] || { echo "android/app is over $LIMIT lines" >&2; exit 1; }
[ "$swift" -lt "$LIMIT" ] || { echo "ios/ is over $LIMIT lines" >&2; exit 1; }
if grep -rnE 'EventKind|InspectionLevel' android/app --include='*.kt' ios/App ios/Sources/CrossingKit --include='*.swift'; then
  echo "event-kind logic in a shell (above): the core decides it" >&2
  exit 1
fi
# A string literal handed to something that draws or announces it (Compose and SwiftUI views,
# accessibility descriptions, print and share titles) must be the core's words: letters are
# allowed only inside interpolations (${…}, $name, \(…)).
python3 - <<'PY'
import pathlib, re, sys
call = re.compile(r'\b(Text|Button|Label|Toggle|Section|TextField|SecureField|navigationTitle|alert|'
                  r'confirmationDialog|contentDescription|title|label|placeholder|prompt|'
                  r'createChooser|print|accessibilityLabel|accessibilityHint)\s*[(=:]\s*"((?:[^"\\]|\\.)*)"')
files = [p for d in ('android/app/src/main', 'android/core/src/main', 'ios/App', 'ios/Sources/CrossingKit')
         for p in pathlib.Path(d).rglob('*') if p.suffix in ('.kt', '.swift')]
bad = []
for p in files:
    for n, line in enumerate(p.read_text(encoding='utf-8').splitlines(), 1):
        if line.lstrip().startswith(('//', '*', '/*')):
            continue
        for m in call.finditer(line):
            if line[:m.start()].rstrip().endswith('DispatchQueue('):
                continue  # a queue's name, not words
            words = re.sub(r'\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_.]*|\\\([^)]*\)', '', m.group(2))
            if re.search(r'[A-Za-z]', words):
                bad.append(f'{p}:{n}: {line.strip()}')
if bad:
    print('\n'.join(bad))
    print('English on screen in a shell (above): take the words from the core', file=sys.stderr)
    sys.exit(1)
print(f'shells: no English literal on screen in {len(files)} Kotlin and Swift files')
PY
