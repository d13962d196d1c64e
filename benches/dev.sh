#!/usr/bin/env bash
# gatekit dev: save to serving. A project with a Python and a Node.js function
# behind GET routes runs under `gatekit dev` (release build); each of N edits
# rewrites a handler with a new answer, then calls its route until the new answer
# comes: the time from the write to that answer, median and worst of N, per runtime.
#   benches/dev.sh [N=20]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
cargo build --release -q
BIN=$PWD/target/release/gatekit
APP=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$APP/py" "$APP/node"
cat > "$APP/gatekit.yaml" <<YAML
project: devbench
targets:
  local: { port: $PORT }
functions:
  py: { runtime: python3.12, handler: app.handler, code: py }
  node: { runtime: nodejs22.x, handler: index.handler, code: node }
apis:
  web:
    routes:
      GET /py: py
      GET /node: node
YAML
echo "def handler(event, context):
    return {'statusCode': 200, 'body': 'py-0'}" > "$APP/py/app.py"
echo "exports.handler = async () => ({ statusCode: 200, body: 'node-0' });" > "$APP/node/index.js"
"$BIN" -C "$APP" -o json dev > "$APP/events" 2>/dev/null &
DEV=$!
trap 'kill -INT $DEV 2>/dev/null; wait $DEV 2>/dev/null; rm -rf "$APP"' EXIT
for _ in $(seq 100); do grep -q '"event":"ready"' "$APP/events" 2>/dev/null && break; sleep 0.1; done
python3 - "$APP" "$N" <<'PY'
import json, statistics, sys, time, urllib.request
app, n = sys.argv[1], int(sys.argv[2])
ready = next(json.loads(l) for l in open(app + "/events") if '"ready"' in l)
base = ready["apis"][0]["url"]
sources = {
    "py": ("py/app.py", "def handler(event, context):\n    return {'statusCode': 200, 'body': '%s'}\n"),
    "node": ("node/index.js", "exports.handler = async () => ({ statusCode: 200, body: '%s' });\n"),
}
def get(path):
    try:
        with urllib.request.urlopen(base + path, timeout=5) as r:
            return r.read().decode()
    except Exception:
        return ""
for kind, (file, text) in sources.items():
    times = []
    for i in range(1, n + 1):
        want = f"{kind}-{i}"
        t0 = time.perf_counter()
        with open(f"{app}/{file}", "w") as f:
            f.write(text % want)
        while get("/" + kind) != want:
            if time.perf_counter() - t0 > 10:
                sys.exit(f"{kind}: edit {i} not live after 10 s")
            time.sleep(0.005)
        times.append((time.perf_counter() - t0) * 1000)
        time.sleep(0.3)
    print(f"RESULT {kind}: save to serving median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms ({n} edits)")
PY
