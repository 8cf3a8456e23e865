#!/usr/bin/env bash
# Compiles the generated Kotlin bindings and the JVM part of the Android shell (android/core),
# then runs their JUnit 5 tests on the desktop JVM through JNA, against the host-built library
# and a real crossing-fleet server on loopback. Prints "kotlin: N passed, N failed".
#
# Needs: JDK 17, Debian packages libjna-java junit5 libzxing-core-java (installed by .ci/run),
# and the npm package kotlin-compiler (fetched once into .cache/).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
J=/usr/share/java
K=$ROOT/.cache/kotlin-compiler/package
if [ ! -x "$K/bin/kotlinc" ]; then
  mkdir -p .cache/kotlin-compiler
  (cd .cache/kotlin-compiler && npm pack --silent kotlin-compiler@2.4.20 >/dev/null && tar xzf kotlin-compiler-2.4.20.tgz)
fi
for jar in jna.jar junit-platform-console-standalone.jar junit-jupiter-api.jar core-3.4.1.jar; do
  [ -f "$J/$jar" ] || { echo "missing $J/$jar: apt-get install libjna-java junit5 libzxing-core-java" >&2; exit 1; }
done

CROSSING_FFI_FEATURES=test-hooks bash bindings/scripts/generate.sh
cargo build --locked -p crossing-fleet

OUT=$ROOT/build/kotlin
rm -rf "$OUT" && mkdir -p "$OUT"
KLIB="$K/lib"
CP_MAIN="$J/jna.jar:$KLIB/kotlinx-coroutines-core-jvm.jar"
echo "== kotlinc: bindings + android/core"
bash "$K/bin/kotlinc" -nowarn -d "$OUT/main.jar" -cp "$CP_MAIN" \
  build/gen/kotlin/app/crossing/core/crossing_ffi.kt \
  $(find android/core/src/main/kotlin -name '*.kt')
CP_TEST="$OUT/main.jar:$CP_MAIN:$KLIB/kotlin-test.jar:$KLIB/kotlin-test-junit5.jar:$J/junit-jupiter-api.jar:$J/apiguardian-api.jar:$J/opentest4j.jar:$J/core-3.4.1.jar"
echo "== kotlinc: tests"
bash "$K/bin/kotlinc" -nowarn -d "$OUT/tests.jar" -cp "$CP_TEST" \
  $(find bindings/kotlin/test android/core/src/test/kotlin -name '*.kt')

# A real fleet server on a free loopback port, with a manager and a driver token.
WORK=$(mktemp -d)
trap 'kill $SERVER_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
FLEET=$ROOT/target/debug/crossing-fleet
MANAGER=$("$FLEET" token create --db "$WORK/fleet.db" --role manager --fleet JVM)
DRIVER=$("$FLEET" token create --db "$WORK/fleet.db" --role driver --driver jvm-driver --fleet JVM)
"$FLEET" serve --db "$WORK/fleet.db" --listen 127.0.0.1:0 > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/server.log" || true)
  [ -n "$URL" ] && break
  sleep 0.1
done
[ -n "$URL" ] || { echo "fleet server did not start" >&2; cat "$WORK/server.log" >&2; exit 1; }

echo "== junit (server $URL)"
set +e
java -Djna.library.path="$ROOT/target/debug" \
  -Dcrossing.server="$URL" -Dcrossing.manager="$MANAGER" -Dcrossing.driver="$DRIVER" \
  -Dcrossing.examples="$ROOT/examples" \
  -jar "$J/junit-platform-console-standalone.jar" \
  -cp "$OUT/tests.jar:$CP_TEST:$KLIB/kotlin-stdlib.jar" \
  --scan-classpath "$OUT/tests.jar" --details=tree --disable-banner --fail-if-no-tests > "$OUT/junit.log" 2>&1
RC=$?
set -e
cat "$OUT/junit.log"
PASSED=$(grep -oE '\[ *[0-9]+ tests successful' "$OUT/junit.log" | grep -oE '[0-9]+' || echo 0)
FAILED=$(grep -oE '\[ *[0-9]+ tests failed' "$OUT/junit.log" | grep -oE '[0-9]+' || echo 0)
echo "kotlin: $PASSED passed, $FAILED failed"
[ "$RC" -eq 0 ] && [ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
