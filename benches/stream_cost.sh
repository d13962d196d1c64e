#!/usr/bin/env bash
# What a stream adds to a write, measured on one server so that both loads meet the
# same machine: ROUNDS rounds of N PutItem (benches/workloads/ddb_load.sh, OPS=put)
# on a fresh table without a stream, then on one with a NEW_AND_OLD_IMAGES stream;
# per round the ratio (with / without) of the server's CPU time and of ops/s, and
# the medians of those ratios (pairing by round cancels this machine's drift).
#
#   benches/stream_cost.sh [memory|disk] [ROUNDS=9] [N=20000]    BIN=path (default: release build)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-memory}; ROUNDS=${2:-9}; N=${3:-20000}
if [ -z "${BIN:-}" ]; then cargo build --release -q; BIN=target/release/gatekit; fi
PORT=${PORT:-4593}
DIR=$(mktemp -d)
if [ "$MODE" = memory ]; then
  "$BIN" local serve --in-memory --port "$PORT" >/dev/null 2>&1 &
else
  "$BIN" local serve --data-dir "$DIR" --port "$PORT" >/dev/null 2>&1 &
fi
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DIR"' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
for r in $(seq "$ROUNDS"); do
  line="$r"
  for stream in "" NEW_AND_OLD_IMAGES; do
    before=$(ticks)
    out=$(OPS=put STREAM=$stream bash benches/workloads/ddb_load.sh "http://127.0.0.1:$PORT" "$N" 8 | grep '^CHECK' | head -1)
    after=$(ticks)
    line="$line $(echo "$out" | sed -E 's/.*ops_per_s=([0-9.]+).*/\1/') $((after - before))"
  done
  echo "$line"
done | awk -v mode="$MODE" '
  { printf "round %d: without %s puts/s (%d ticks), with %s puts/s (%d ticks)\n", $1, $2, $3, $4, $5
    ops[n] = $4 / $2; cpu[n] = $5 / $3; n++ }
  function median(a, n,   i, j, t) {
    for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int(n / 2)] }
  END { printf "%s: a stream costs %+.1f%% server CPU per write, %+.1f%% puts/s (medians of %d rounds)\n",
               mode, (median(cpu, n) - 1) * 100, (median(ops, n) - 1) * 100, n }'
