#!/usr/bin/env bash
# The console's page and a 1,000-item table page: time and bytes. A project with
# one table of 1,000 items runs under `gatekit dev` (release build); then
#  - over HTTP (N times, median): the page (GET /_gatekit/), and one 1,000-item
#    page of the table (POST .../read with limit 1000): time and bytes;
#  - in headless Chromium (the test venv's selenium, Debian's chromium; N times,
#    median): from navigation to the table list drawn (the first page load), and
#    from a click on Run to 1,000 items drawn.
#   benches/console.sh [N=20]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
PY="${GATEKIT_PYTHON:-$PWD/.venv/bin/python}"
cargo build --release -q
BIN=$PWD/target/release/gatekit
APP=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$APP/gatekit.yaml" <<YAML
project: consolebench
targets:
  local: { port: $PORT }
tables:
  todos:
    key: { partition: owner:S, sort: id:S }
YAML
python3 -c '
import json
for i in range(1000):
    print(json.dumps({"owner": "ann", "id": "%04d" % i, "title": "item %d with some text" % i, "done": i % 3 == 0, "tags": ["a", "b"], "n": i}))
' > "$APP/items.jsonl"
"$BIN" -C "$APP" -o json dev > "$APP/events" 2>/dev/null &
DEV=$!
trap 'kill -INT $DEV 2>/dev/null; wait $DEV 2>/dev/null; rm -rf "$APP"' EXIT
for _ in $(seq 100); do grep -q '"event":"ready"' "$APP/events" 2>/dev/null && break; sleep 0.1; done
"$BIN" -C "$APP" -q table import todos "$APP/items.jsonl" > /dev/null
URL=$(python3 -c 'import json,sys; print(next(json.loads(l) for l in open(sys.argv[1]) if "\"ready\"" in l)["console"])' "$APP/events")
"$PY" benches/workloads/console_load.py "$URL" "$N"
