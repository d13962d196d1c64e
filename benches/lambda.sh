#!/usr/bin/env bash
# Lambda Invoke side by side: gatekit local serve (release) and serverless-offline
# (benches/workloads/peers.sh), the same trivial handler in Node and Python, driven by
# benches/workloads/invoke_bench.sh (wrk; 1 and 16 callers). Also the cold start
# (benches/workloads/cold_start.py): from the first Invoke after CreateFunction to
# the handler's first line, against the interpreter's own start.
#   benches/lambda.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=benches/workloads
PEERS_ENV=${PEERS_ENV:-$HOME/.cache/gatekit-peers}
[ -x "$PEERS_ENV/venv/bin/python" ] && command -v wrk >/dev/null || bash $SHARED/peers.sh install
cargo build --release -q
PORT=${PORT:-4595}
target/release/gatekit local serve --in-memory --port "$PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; bash $SHARED/peers.sh stop offline >/dev/null 2>&1 || true' EXIT
sleep 0.5
EP="http://127.0.0.1:$PORT"
create() { # name runtime handler file source
  local zip
  zip=$(python3 -c "
import base64, io, sys, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, 'w') as z: z.writestr(sys.argv[1], sys.argv[2])
print(base64.b64encode(b.getvalue()).decode())" "$4" "$5")
  curl -sS -X POST "$EP/2015-03-31/functions" -H 'content-type: application/json' \
    -d "{\"FunctionName\":\"$1\",\"Runtime\":\"$2\",\"Role\":\"arn:aws:iam::000000000000:role/x\",\"Handler\":\"$3\",\"Code\":{\"ZipFile\":\"$zip\"}}" >/dev/null
}
create helloNode nodejs22.x index.handler index.mjs 'export const handler = async (event) => ({ statusCode: 200, body: "hello" });'
create helloPy python3.12 app.handler app.py 'def handler(event, context):
    return {"statusCode": 200, "body": "hello"}'
# Cold starts to the handler's first line against the interpreter's own start,
# and memory per idle instance.
python3 $SHARED/cold_start.py "$EP"
for fn in helloNode helloPy; do
  echo "== gatekit $fn"
  bash $SHARED/invoke_bench.sh "$EP" "$fn"
done
if bash $SHARED/peers.sh start offline >/dev/null 2>&1; then
  for fn in gatekit-peer-dev-helloNode gatekit-peer-dev-helloPy; do
    echo "== serverless-offline $fn"
    bash $SHARED/invoke_bench.sh http://127.0.0.1:3002 "$fn"
  done
fi
