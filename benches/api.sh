#!/usr/bin/env bash
# API Gateway's data plane side by side: a gatekit project deployed to
# `gatekit local serve` (release build) and serverless-offline
# (benches/workloads/sls-app), the same trivial handlers in Node and Python
# (GET /hello, GET /py/hello), driven by benches/workloads/api_bench.sh (wrk): the
# first request after a restart, then p50/p99 and req/s at 1 and 16 connections.
#   benches/api.sh            (DURATION=10s CONNS=16 as api_bench.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=$ROOT/benches/workloads
PEERS_ENV=${PEERS_ENV:-$HOME/.cache/gatekit-peers}
[ -x "$PEERS_ENV/venv/bin/python" ] && command -v wrk >/dev/null || bash "$SHARED/peers.sh" install
cargo build --release -q
GATEKIT=$ROOT/target/release/gatekit
PORT=${PORT:-4597}
APP=$(mktemp -d)
trap 'kill "$(cat "$APP/pid" 2>/dev/null)" 2>/dev/null || true; bash "$SHARED/peers.sh" stop offline >/dev/null 2>&1 || true; rm -rf "$APP"' EXIT

# The same handlers as sls-app, as a gatekit project.
mkdir -p "$APP/node" "$APP/py"
cp "$SHARED/sls-app/handler_node.js" "$APP/node/handler_node.js"
cp "$SHARED/sls-app/handler_py.py" "$APP/py/handler_py.py"
cat > "$APP/gatekit.yaml" <<EOF
project: bench
targets:
  local: { port: $PORT }
functions:
  helloNode: { runtime: nodejs22.x, handler: handler_node.hello, code: node }
  helloPy: { runtime: python3.12, handler: handler_py.hello, code: py }
apis:
  api:
    stage: dev
    routes:
      GET /hello: helloNode
      GET /py/hello: helloPy
EOF
# `local serve` on the project's store; restarting it is the cold start.
cat > "$APP/restart.sh" <<EOF
kill "\$(cat "$APP/pid" 2>/dev/null)" 2>/dev/null && while kill -0 "\$(cat "$APP/pid")" 2>/dev/null; do sleep 0.05; done
"$GATEKIT" -C "$APP" local serve >/dev/null 2>&1 &
echo \$! > "$APP/pid"
for _ in \$(seq 200); do curl -sf "http://127.0.0.1:$PORT/" >/dev/null && break; sleep 0.05; done
EOF
bash "$APP/restart.sh"
"$GATEKIT" -C "$APP" deploy --yes -q >/dev/null
URL=$("$GATEKIT" -C "$APP" api url)
echo "gatekit $("$GATEKIT" --version) at $URL"
for route in /hello /py/hello; do
  LABEL="gatekit GET $route" RESTART_CMD="bash $APP/restart.sh" bash "$SHARED/api_bench.sh" "$URL" "$route"
done

if bash "$SHARED/peers.sh" start offline >/dev/null 2>&1; then
  RESTART="bash $SHARED/peers.sh stop offline >/dev/null 2>&1; bash $SHARED/peers.sh start offline"
  for route in /hello /py/hello; do
    LABEL="serverless-offline GET $route" RESTART_CMD="$RESTART" bash "$SHARED/api_bench.sh" http://127.0.0.1:3000 "$route"
  done
fi
