#!/usr/bin/env bash
# `gatekit table import` and `export` of N items (default 200,000; with string sets,
# binaries and 38-digit numbers) against `gatekit local serve` (release), checked to
# round-trip exactly; beside the emulator's raw BatchWriteItem throughput (wrk, 25
# items a request) and raw Scan throughput (sequential 1 MB pages), and the AWS CLI
# doing the same work on a sample. Then `gatekit table get` end to end (process start
# to exit) beside `aws dynamodb get-item`.
#   benches/table.sh [N=200000]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200000}
PEERS_ENV=${PEERS_ENV:-$HOME/.cache/gatekit-peers}
PY=$PEERS_ENV/venv/bin/python
AWS=$PEERS_ENV/venv/bin/aws
[ -x "$PY" ] || bash benches/workloads/peers.sh install
[ -x "$AWS" ] || "$PEERS_ENV/venv/bin/pip" install -q awscli
cargo build --release -q
BIN=$PWD/target/release/gatekit
WORK=$(mktemp -d)
PORT=${PORT:-4591}
"$BIN" local serve --port "$PORT" --data-dir "$WORK/store" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
EP="http://127.0.0.1:$PORT"
# Until the server answers (a cold start can take more than half a second).
for _ in $(seq 100); do curl -s -o /dev/null "$EP/" && break; sleep 0.1; done
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
cat > "$WORK/gatekit.yaml" <<YAML
project: bench
targets:
  serve: { region: us-east-1, endpoint_url: $EP }
tables:
  items:
    key: { partition: pk:S, sort: sk:N }
    items:
      attributes:
        tags: { type: string_set }
        blob: { type: binary }
        big:  { type: number }
YAML
"$BIN" -C "$WORK" -t serve -q deploy --yes
"$PY" - "$N" > "$WORK/in.jsonl" <<'PYEOF'
import sys, json
n = int(sys.argv[1])
for i in range(n):
    print(json.dumps({"pk": f"p{i % 1000:04}", "sk": i, "title": f"item {i}", "tags": ["a", f"t{i % 13}"],
                      "blob": "AAECAwQ=", "big": int("1234567890123456789012345678901234567" + str(i % 10))}))
PYEOF
now() { date +%s.%N; }
rate() { echo "$1 / ($3 - $2)" | bc -l | xargs printf '%.0f'; }
t0=$(now); "$BIN" -C "$WORK" -t serve -q table import items "$WORK/in.jsonl"; t1=$(now)
echo "gatekit table import: $N items in $(echo "$t1 - $t0" | bc) s = $(rate "$N" "$t0" "$t1") items/s"
t0=$(now); "$BIN" -C "$WORK" -t serve -q table export items "$WORK/out.jsonl"; t1=$(now)
echo "gatekit table export: $N items in $(echo "$t1 - $t0" | bc) s = $(rate "$N" "$t0" "$t1") items/s"
"$PY" - "$WORK/in.jsonl" "$WORK/out.jsonl" <<'PYEOF'
import sys, json
def load(p):
    out = {}
    for line in open(p):
        v = json.loads(line)
        v["tags"] = sorted(v["tags"])
        out[(v["pk"], v["sk"])] = v
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
print("round trip:", "exact" if a == b else f"DIFFERS ({len(a)} in, {len(b)} out)")
PYEOF
# The emulator's own throughput, without gatekit's CLI: BatchWriteItem with wrk.
cat > "$WORK/batch.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.BatchWriteItem"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0"
local n = 0
request = function()
  local reqs = {}
  for i = 1, 25 do
    n = n + 1
    reqs[i] = string.format('{"PutRequest":{"Item":{"pk":{"S":"w%d"},"sk":{"N":"%d"},"title":{"S":"item %d"},"tags":{"SS":["a","b"]},"blob":{"B":"AAECAwQ="},"big":{"N":"12345678901234567890123456789012345678"}}}}', n % 1000, n, n)
  end
  return wrk.format(nil, nil, nil, '{"RequestItems":{"bench-serve-items":[' .. table.concat(reqs, ",") .. ']}}')
end
LUA
raw=$(wrk -t1 -c8 -d10s -s "$WORK/batch.lua" "$EP/" | awk '/Requests\/sec/ {print $2}')
echo "emulator raw BatchWriteItem (wrk, 8 connections): $(echo "$raw * 25" | bc | xargs printf '%.0f') items/s"
"$PY" - "$EP" <<'PYEOF'
import sys, json, time, http.client, urllib.parse
u = urllib.parse.urlparse(sys.argv[1])
c = http.client.HTTPConnection(u.hostname, u.port)
h = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.Scan",
     "Authorization": "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0"}
start, items, key = time.time(), 0, None
while True:
    body = {"TableName": "bench-serve-items"}
    if key: body["ExclusiveStartKey"] = key
    c.request("POST", "/", json.dumps(body), h)
    r = json.loads(c.getresponse().read())
    items += r["Count"]; key = r.get("LastEvaluatedKey")
    if not key: break
print(f"emulator raw Scan (sequential 1 MB pages): {items / (time.time() - start):.0f} items/s")
PYEOF
# The AWS CLI on a sample (it is slow): 100 batches of 25, and a full scan of them.
SAMPLE=2500
"$PY" - "$SAMPLE" "$WORK" <<'PYEOF'
import sys, json
n, work = int(sys.argv[1]), sys.argv[2]
for b in range(n // 25):
    reqs = [{"PutRequest": {"Item": {"pk": {"S": f"cli{i % 100}"}, "sk": {"N": str(i)}, "title": {"S": f"item {i}"},
             "tags": {"SS": ["a", "b"]}, "blob": {"B": "AAECAwQ="}, "big": {"N": "12345678901234567890123456789012345678"}}}}
            for i in range(b * 25, b * 25 + 25)]
    json.dump({"cli-items": reqs}, open(f"{work}/b{b}.json", "w"))
PYEOF
"$AWS" dynamodb create-table --endpoint-url "$EP" --table-name cli-items --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=pk,AttributeType=S AttributeName=sk,AttributeType=N \
  --key-schema AttributeName=pk,KeyType=HASH AttributeName=sk,KeyType=RANGE >/dev/null
t0=$(now); for f in "$WORK"/b*.json; do "$AWS" dynamodb batch-write-item --endpoint-url "$EP" --request-items "file://$f" >/dev/null; done; t1=$(now)
echo "aws dynamodb batch-write-item: $SAMPLE items = $(rate "$SAMPLE" "$t0" "$t1") items/s"
t0=$(now); "$AWS" dynamodb scan --endpoint-url "$EP" --table-name cli-items > "$WORK/cli-scan.json"; t1=$(now)
echo "aws dynamodb scan: $SAMPLE items = $(rate "$SAMPLE" "$t0" "$t1") items/s"
runs=20
t0=$(now); for _ in $(seq $runs); do "$BIN" -C "$WORK" -t serve -q table get items pk=p0001 sk=1 >/dev/null; done; t1=$(now)
echo "gatekit table get, end to end: $(echo "($t1 - $t0) * 1000 / $runs" | bc -l | xargs printf '%.1f') ms"
t0=$(now); for _ in $(seq $runs); do "$AWS" dynamodb get-item --endpoint-url "$EP" --table-name bench-serve-items --key '{"pk":{"S":"p0001"},"sk":{"N":"1"}}' >/dev/null; done; t1=$(now)
echo "aws dynamodb get-item, end to end: $(echo "($t1 - $t0) * 1000 / $runs" | bc -l | xargs printf '%.1f') ms"
