#!/usr/bin/env bash
# DynamoDB benchmark, side by side with the peers, in one run on this machine:
#   gatekit local serve (release build), moto and dynalite (benches/workloads/peers.sh),
#   and the benchmark client's own ceiling (null_ddb.js, a server that stores nothing).
# For each: benches/workloads/ddb_load.sh (PutItem then GetItem with wrk, 8 connections)
# benches/ddb_more.sh (Query and TransactWriteItems with wrk) and
# benches/workloads/dynamo_bench.py --client raw (the fixed multi-phase workload).
#
#   benches/dynamodb.sh [N=20000] [PEERS="moto dynalite"]
# Prints the wrk CHECK lines and a merged table of ops/s and p50/p99 per phase.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=benches/workloads
N=${1:-20000}
PEERS=${PEERS:-"moto dynalite"}
PEERS_ENV=${PEERS_ENV:-$HOME/.cache/gatekit-peers}
PY=$PEERS_ENV/venv/bin/python
[ -x "$PY" ] && command -v wrk >/dev/null || bash $SHARED/peers.sh install
cargo build --release -q
OUT=$(mktemp -d)
STORE=$(mktemp -d)
PORT=${PORT:-4577}
target/release/gatekit local serve --port "$PORT" --data-dir "$STORE" >"$OUT/gatekit.log" 2>&1 &
GK=$!
node $SHARED/null_ddb.js 4999 >"$OUT/null.log" 2>&1 &
NULL=$!
cleanup() { kill "$GK" "$NULL" 2>/dev/null || true; for p in $PEERS; do bash $SHARED/peers.sh stop "$p" >/dev/null 2>&1 || true; done; rm -rf "$STORE"; }
trap cleanup EXIT
for p in $PEERS; do bash $SHARED/peers.sh start "$p"; done
sleep 1

declare -A EP=([gatekit]="http://127.0.0.1:$PORT" [moto]="http://127.0.0.1:5000" [dynalite]="http://127.0.0.1:4567" [ceiling]="http://127.0.0.1:4999")
for name in gatekit $PEERS; do
  echo "== ddb_load.sh $name (N=$N, 8 connections)"
  bash $SHARED/ddb_load.sh "${EP[$name]}" "$N" 8 | sed "s/^/$name /"
  echo "== benches/ddb_more.sh $name (Query, TransactWriteItems; 8 connections, 10 s)"
  bash benches/ddb_more.sh "${EP[$name]}" | sed "s/^/$name /" || true
done
for name in ceiling gatekit $PEERS; do
  echo "== dynamo_bench.py --client raw: $name"
  "$PY" $SHARED/dynamo_bench.py --endpoint "${EP[$name]}" --client raw --label "$name" \
    --phase-budget 60 --json "$OUT/$name.json" >"$OUT/$name.txt" 2>&1 || true
  tail -n 12 "$OUT/$name.txt"
done
rm -rf "$OUT"
