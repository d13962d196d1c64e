#!/usr/bin/env bash
# plan and deploy of a 50-table project, then of 30 functions with their roles,
# against `gatekit local serve --latency-ms 50`,
# as if AWS were tens of milliseconds away. Reports wall time and API calls (read
# from the emulator's counter at GET /) for: first deploy, plan with nothing to do,
# and a deploy that changes one table (one function); and the packing of 50 MB.
#   benches/deploy.sh [TABLES=50] [LATENCY_MS=50]
set -euo pipefail
cd "$(dirname "$0")/.."
TABLES=${1:-50}
LATENCY=${2:-50}
PORT=${PORT:-4588}
cargo build --release -q
BIN=$PWD/target/release/gatekit
WORK=$(mktemp -d)
"$BIN" local serve --in-memory --port "$PORT" --latency-ms "$LATENCY" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
EP="http://127.0.0.1:$PORT"
# Until the server answers (a cold start can take more than half a second).
for _ in $(seq 100); do curl -s -o /dev/null "$EP/" && break; sleep 0.1; done
{
  echo "project: bench"
  echo "targets:"
  echo "  far: { region: us-east-1, endpoint_url: $EP }"
  echo "tables:"
  for i in $(seq -w 1 "$TABLES"); do
    echo "  t$i:"
    echo "    key: { partition: pk:S, sort: sk:N }"
    echo "    indexes: { by_g: { partition: g:S } }"
    echo "    ttl: exp"
  done
} > "$WORK/gatekit.yaml"
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
calls() { curl -s "$EP/" | sed -E 's/.*"requests":([0-9]+).*/\1/'; }
measure() { # label, gatekit args...
  local label=$1; shift
  local before after t0 t1
  before=$(calls); t0=$(date +%s.%N)
  "$BIN" -C "$WORK" -t far -q "$@" >/dev/null 2>&1 || true
  t1=$(date +%s.%N); after=$(calls)
  printf '%-34s %8.2f s %6d API calls\n' "$label" "$(echo "$t1 - $t0" | bc)" "$((after - before))"
}
echo "== $TABLES tables, ${LATENCY} ms added to every API call"
measure "deploy (first, creates all)" deploy --yes
measure "plan (nothing to do)" plan
sed -i '0,/    ttl: exp/s//    ttl: gone/' "$WORK/gatekit.yaml"
measure "deploy (one table changed)" deploy --yes
measure "plan (nothing to do, again)" plan

# Functions: each its own folder and role; the second deploy must upload nothing.
FUNCTIONS=${FUNCTIONS:-30}
FN=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK" "$FN"' EXIT
{
  echo "project: fbench"
  echo "targets:"
  echo "  far: { region: us-east-1, endpoint_url: $EP }"
  echo "tables:"
  echo "  items: { key: { partition: pk:S } }"
  echo "functions:"
  for i in $(seq -w 1 "$FUNCTIONS"); do
    mkdir -p "$FN/functions/f$i"
    printf 'def handler(event, context):\n    return %d\n' "$((10#$i))" > "$FN/functions/f$i/app.py"
    echo "  f$i: { runtime: python3.12, handler: app.handler, access: { items: read_write } }"
  done
} > "$FN/gatekit.yaml"
WORK=$FN
echo "== $FUNCTIONS functions (each with its role) and a table, ${LATENCY} ms added to every API call"
measure "deploy (first, creates all)" deploy --yes
measure "deploy (nothing changed)" deploy --yes
echo "# changed" >> "$FN/functions/f01/app.py"
measure "deploy (one function's code)" deploy --yes

# Packing: a 50 MB folder (text that compresses to about three quarters).
BIG=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK" "$FN" "$BIG"' EXIT
mkdir -p "$BIG/functions/big"
for i in $(seq 1 50); do head -c 786432 /dev/urandom | base64 -w 0 > "$BIG/functions/big/blob$i.txt"; done
printf 'def handler(event, context):\n    return 1\n' > "$BIG/functions/big/app.py"
printf 'project: pbench\nfunctions:\n  big: { runtime: python3.12, handler: app.handler }\n' > "$BIG/gatekit.yaml"
echo "== packing a $(du -sm "$BIG/functions/big" | cut -f1) MB folder (plan on the local target: pack, digest, read the target)"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%e s, peak memory %M KB' "$BIN" -C "$BIG" -q plan >/dev/null
else
  t0=$(date +%s.%N); "$BIN" -C "$BIG" -q plan >/dev/null; t1=$(date +%s.%N)
  echo "$(echo "$t1 - $t0" | bc) s"
fi
