#!/usr/bin/env bash
# Lambda Invoke side by side: gatekit local serve (release) and serverless-offline
# (benches/workloads/peers.sh), the same trivial handler in Node and Python, driven by
# benches/workloads/invoke_bench.sh (wrk; 1 and 16 callers). Also the cold start
# (benches/workloads/cold_start.py): from the first Invoke after CreateFunction to
# the handler's first line, against the interpreter's own start; and memory per
# idle instance. BEFORE=path/to/an/older/gatekit measures that build too, in the
# same run (a before/after of a change).
#   benches/lambda.sh                 BEFORE=/tmp/gatekit-old benches/lambda.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=benches/workloads
PEERS_ENV=${PEERS_ENV:-$HOME/.cache/gatekit-peers}
[ -x "$PEERS_ENV/venv/bin/python" ] && command -v wrk >/dev/null || bash $SHARED/peers.sh install
cargo build --release -q
PORT=${PORT:-4595}
SERVER=
trap 'kill $SERVER 2>/dev/null; bash $SHARED/peers.sh stop offline >/dev/null 2>&1 || true' EXIT
create() { # endpoint name runtime handler file source
  local zip
  zip=$(python3 -c "
import base64, io, sys, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, 'w') as z: z.writestr(sys.argv[1], sys.argv[2])
print(base64.b64encode(b.getvalue()).decode())" "$5" "$6")
  curl -sS -X POST "$1/2015-03-31/functions" -H 'content-type: application/json' \
    -d "{\"FunctionName\":\"$2\",\"Runtime\":\"$3\",\"Role\":\"arn:aws:iam::000000000000:role/x\",\"Handler\":\"$4\",\"Code\":{\"ZipFile\":\"$zip\"}}" >/dev/null
}
measure() { # label binary
  "$2" local serve --in-memory --port "$PORT" >/dev/null 2>&1 &
  SERVER=$!
  sleep 0.5
  local ep="http://127.0.0.1:$PORT"
  create "$ep" helloNode nodejs22.x index.handler index.mjs 'export const handler = async (event) => ({ statusCode: 200, body: "hello" });'
  create "$ep" helloPy python3.12 app.handler app.py 'def handler(event, context):
    return {"statusCode": 200, "body": "hello"}'
  echo "== $1"
  python3 $SHARED/cold_start.py "$ep"
  for fn in helloNode helloPy; do
    echo "== $1 $fn"
    bash $SHARED/invoke_bench.sh "$ep" "$fn"
  done
  kill $SERVER; wait $SERVER 2>/dev/null || true
  SERVER=
}
[ -n "${BEFORE:-}" ] && measure "gatekit before ($BEFORE)" "$BEFORE"
measure gatekit target/release/gatekit
if bash $SHARED/peers.sh start offline >/dev/null 2>&1; then
  for fn in gatekit-peer-dev-helloNode gatekit-peer-dev-helloPy; do
    echo "== serverless-offline $fn"
    bash $SHARED/invoke_bench.sh http://127.0.0.1:3002 "$fn"
  done
fi
