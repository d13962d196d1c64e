#!/usr/bin/env bash
# Before and after for a change on the DynamoDB hot path: the release build of REV
# and of the working tree, side by side with dynoxide, all in memory, driven by
# benches/workloads/ddb_load.sh (PutItem then GetItem, wrk, 8 connections) in
# ROUNDS interleaved rounds, so machine noise hits every server alike.
#   benches/ddb_ab.sh REV [N=20000] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
REV=${1:?usage: benches/ddb_ab.sh REV [N] [ROUNDS]}
N=${2:-20000}
ROUNDS=${3:-3}
SHARED=benches/workloads
PEERS_ENV=${PEERS_ENV:-$HOME/.cache/gatekit-peers}
[ -x "$PEERS_ENV/dynoxide/bin/dynoxide" ] && command -v wrk >/dev/null || bash $SHARED/peers.sh install
ROOT=$PWD
WORK=$(mktemp -d)
# REV in a worktree sharing target/ (dependencies built once); then the tree again.
git worktree add -q --detach "$WORK/before" "$REV"
trap 'kill $(jobs -p) 2>/dev/null || true; bash $SHARED/peers.sh stop dynoxide >/dev/null 2>&1 || true; git worktree remove --force "$WORK/before"; rm -rf "$WORK"' EXIT
(cd "$WORK/before" && CARGO_TARGET_DIR="$ROOT/target" cargo build --release -q)
cp target/release/gatekit "$WORK/gatekit-before"
touch src/lib.rs
cargo build --release -q
cp target/release/gatekit "$WORK/gatekit-after"
"$WORK/gatekit-before" local serve --in-memory --port 4581 >/dev/null 2>&1 &
"$WORK/gatekit-after" local serve --in-memory --port 4582 >/dev/null 2>&1 &
bash $SHARED/peers.sh start dynoxide >/dev/null
sleep 1
for round in $(seq "$ROUNDS"); do
  for pair in "before $REV:4581" "after HEAD+tree:4582" "dynoxide:4568"; do
    name=${pair%%:*}; port=${pair##*:}
    bash $SHARED/ddb_load.sh "http://127.0.0.1:$port" "$N" 8 | sed "s/^/round $round $name /"
  done
done
