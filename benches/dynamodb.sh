#!/usr/bin/env bash
# DynamoDB benchmark, side by side in one run on this machine:
#   gatekit local serve (release build) in memory and on disk, dynoxide (the fastest
#   peer, Rust on SQLite) in memory and on disk, the loopback ceiling (a minimal hyper
#   server with a fixed reply: examples/ddb_ceiling.rs), and the peers in PEERS (moto,
#   dynalite; benches/workloads/peers.sh); gatekit again on a table with a stream.
# 1. benches/workloads/ddb_load.sh (PutItem then GetItem with wrk, 8 connections) in
#    ROUNDS interleaved rounds, then the median ops/s of each server.
# 2. Unless QUICK=1: benches/ddb_more.sh (Query and TransactWriteItems with wrk) and
#    benches/workloads/dynamo_bench.py --client raw (the fixed multi-phase workload),
#    for gatekit and PEERS, with null_ddb.js as the Python client's own ceiling.
#
#   benches/dynamodb.sh [N=20000] [ROUNDS=3]     PEERS="moto dynalite" (PEERS= for none) QUICK=1
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=benches/workloads
N=${1:-20000}
ROUNDS=${2:-3}
PEERS=${PEERS-"moto dynalite"}
PEERS_ENV=${PEERS_ENV:-$HOME/.cache/gatekit-peers}
PY=$PEERS_ENV/venv/bin/python
DYNOXIDE=$PEERS_ENV/dynoxide/bin/dynoxide
{ [ -x "$PY" ] && [ -x "$DYNOXIDE" ] && command -v wrk >/dev/null; } || bash $SHARED/peers.sh install
cargo build --release -q
cargo build --release -q --example ddb_ceiling
OUT=$(mktemp -d)
STORE=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; for p in $PEERS; do bash $SHARED/peers.sh stop "$p" >/dev/null 2>&1 || true; done; rm -rf "$STORE" "$OUT"; }
trap cleanup EXIT
start() { "$@" >/dev/null 2>&1 & pids+=($!); }
start target/release/gatekit local serve --port 4577 --data-dir "$STORE/gatekit"
start target/release/gatekit local serve --port 4578 --in-memory
start "$DYNOXIDE" --host 127.0.0.1 --port 4579 --log quiet
start "$DYNOXIDE" --host 127.0.0.1 --port 4580 --db-path "$STORE/dynoxide.sqlite" --log quiet
start target/release/examples/ddb_ceiling 4581
start node $SHARED/null_ddb.js 4999
for p in $PEERS; do bash $SHARED/peers.sh start "$p"; done
sleep 1

declare -A EP=([gatekit-disk]="http://127.0.0.1:4577" [gatekit-memory]="http://127.0.0.1:4578"
  [dynoxide-memory]="http://127.0.0.1:4579" [dynoxide-disk]="http://127.0.0.1:4580"
  [ceiling]="http://127.0.0.1:4581" [moto]="http://127.0.0.1:5000" [dynalite]="http://127.0.0.1:4567"
  [null]="http://127.0.0.1:4999")
# gatekit-*-stream: the same load on a table with a stream (NEW_AND_OLD_IMAGES),
# for the cost a stream adds to a write.
EP[gatekit-memory-stream]=${EP[gatekit-memory]}
EP[gatekit-disk-stream]=${EP[gatekit-disk]}
FAST="gatekit-memory gatekit-memory-stream dynoxide-memory gatekit-disk gatekit-disk-stream dynoxide-disk ceiling"
for round in $(seq "$ROUNDS"); do
  for name in $FAST; do
    echo "== round $round ddb_load.sh $name (N=$N, 8 connections)"
    stream=""; case $name in *-stream) stream=NEW_AND_OLD_IMAGES;; esac
    STREAM=$stream bash $SHARED/ddb_load.sh "${EP[$name]}" "$N" 8 | sed "s/^/$name /" | tee -a "$OUT/load.txt"
  done
done
for name in $PEERS; do
  echo "== ddb_load.sh $name (N=$N, 8 connections)"
  bash $SHARED/ddb_load.sh "${EP[$name]}" "$N" 8 | sed "s/^/$name /" | tee -a "$OUT/load.txt"
done
echo "== median ops/s over $ROUNDS rounds (PutItem, GetItem)"
for name in $FAST $PEERS; do
  for op in put get; do
    grep "^$name CHECK op=$op " "$OUT/load.txt" | sed 's/.*ops_per_s=\([0-9]*\).*/\1/' | sort -n \
      | awk -v n="$name" -v op="$op" '{a[NR]=$1} END{if(NR) printf "%-16s %s %8d\n", n, op, a[int((NR+1)/2)]}'
  done
done
[ "${QUICK:-0}" = 1 ] && exit 0
for name in gatekit-disk $PEERS; do
  echo "== benches/ddb_more.sh $name (Query, TransactWriteItems; 8 connections, 10 s)"
  bash benches/ddb_more.sh "${EP[$name]}" | sed "s/^/$name /" || true
done
for name in null gatekit-disk $PEERS; do
  echo "== dynamo_bench.py --client raw: $name"
  "$PY" $SHARED/dynamo_bench.py --endpoint "${EP[$name]}" --client raw --label "$name" \
    --phase-budget 60 --json "$OUT/$name.json" >"$OUT/$name.txt" 2>&1 || true
  tail -n 12 "$OUT/$name.txt"
done
