#!/usr/bin/env bash
# Property-based API conformance: schemathesis (PyPI, pinned) generates requests from the fleet
# server's own OpenAPI document (served at /openapi.json) and checks every answer: no 5xx, status
# and body as documented. Runs once with a manager token and once with a driver token, bounded by
# examples and time. Usage: scripts/schemathesis.sh [max examples per operation and phase]
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLES="${1:-25}"
if ! python3 -c "import schemathesis" 2>/dev/null || \
   [ "$(python3 -c 'import importlib.metadata as m; print(m.version("schemathesis"))')" != "4.32.5" ]; then
  python3 -m pip install -q --disable-pip-version-check schemathesis==4.32.5
fi
cargo build --quiet --locked -p crossing-fleet
FLEET=target/debug/crossing-fleet
work="$(mktemp -d)"
db="$work/fleet.db"
manager=$($FLEET token create --db "$db" --role manager --fleet fleet-st)
driver=$($FLEET token create --db "$db" --role driver --driver driver-st --fleet fleet-st)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
$FLEET serve --db "$db" --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
    "http://127.0.0.1:$port/openapi.json" 2>/dev/null && break
  sleep 0.1
done
# A trip for the driver, so reads and event uploads meet real data.
python3 - "$work/trip.json" <<'PY'
import json, sys, datetime
d = json.load(open("examples/aci-trip.json"))
d["eta"]["local"] = (datetime.datetime.utcnow() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT12:00:00")
json.dump(d, open(sys.argv[1], "w"))
PY
$FLEET trip --server "http://127.0.0.1:$port" --token "$manager" push --driver driver-st "$work/trip.json" >/dev/null
cd "$work"   # schemathesis writes .hypothesis/ and .schemathesis/ where it runs
cat > schemathesis.toml <<'TOML'
[warnings]
fail-on = ["missing_auth"]

# A trip document has cross-field rules no JSON Schema states (a CCN starts with the trip's carrier
# code, the ETA is in the future, …: docs/trip-format.md), so a schema-valid body may rightly get
# 400 naming the rule. Every other check (no 5xx, documented status, body matches) still applies.
[[operations]]
include-name = "POST /v1/fleet/trips"
checks.positive_data_acceptance.enabled = false

# A BorderConnect body is any object or array by schema; which messages it holds and their rules
# (docs/borderconnect.md) decide, so a schema-valid body may rightly get 400 naming the path.
[[operations]]
include-name = "POST /v1/fleet/borderconnect"
checks.positive_data_acceptance.enabled = false

# Events are judged one by one (docs/sync.md): a bad event gets a per-event "rejected" result inside
# a 200 so the rest of the batch is kept; and JSON Schema's integer admits 7.0 where serde wants 7.
[[operations]]
include-name = "POST /v1/events"
checks.positive_data_acceptance.enabled = false
checks.negative_data_rejection.enabled = false

# A cursor is opaque: only one this server issued is valid (400 names the field otherwise).
[[operations]]
include-name = "GET /v1/changes"
checks.positive_data_acceptance.enabled = false
TOML
for who in manager driver; do
  # Each role against its own operations (the other role's answer 403 by design: tests/tests/fleet_authz.rs
  # covers that matrix); the unauthenticated document endpoint goes with the driver's run.
  if [ "$who" = manager ]; then token=$manager; filter=(--include-path-regex '^/v1/fleet/')
  else token=$driver; filter=(--exclude-path-regex '^/v1/fleet/'); fi
  echo "== schemathesis as $who ($EXAMPLES examples per operation and phase)"
  schemathesis run "http://127.0.0.1:$port/openapi.json" \
    -H "Authorization: Bearer $token" "${filter[@]}" \
    --phases examples,coverage,fuzzing --max-examples "$EXAMPLES" --max-time "${ST_MAX_TIME:-60}" \
    --seed 1 --no-color >"$work/st-$who.log" 2>&1 && rc=0 || rc=$?
  grep -E "generated|passed|failure|Failures|ST[0-9]+|Warnings|⚠" "$work/st-$who.log" | tail -12
  if [ "$rc" -ne 0 ]; then
    cat "$work/st-$who.log" | head -150
    echo "schemathesis as $who: failures (above)"; exit 1
  fi
done
echo "schemathesis: no failures"
