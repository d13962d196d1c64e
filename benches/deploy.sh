#!/usr/bin/env bash
# plan and deploy of a 50-table project against `gatekit local serve --latency-ms 50`,
# as if AWS were tens of milliseconds away. Reports wall time and API calls (read
# from the emulator's counter at GET /) for: first deploy, plan with nothing to do,
# and a deploy that changes one table.
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
sleep 0.5
EP="http://127.0.0.1:$PORT"
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
