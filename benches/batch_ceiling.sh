#!/usr/bin/env bash
# BatchWriteItem and TransactWriteItems against the Python client's own ceiling:
# benches/workloads/dynamo_bench.py --client raw (batch_write: 800 BatchWriteItem of
# 25 puts; transact_write: 500 TransactWriteItems of 4 actions) against gatekit local
# serve on disk and null_ddb.js (a server that stores nothing), in ROUNDS interleaved
# rounds; BEFORE=path/to/gatekit adds an older build, alternating which goes first.
# Prints each phase's median ops/s and the median of the per-round ratios to the
# ceiling (the phases are short: single rounds vary by about 15%).
#   benches/batch_ceiling.sh [ROUNDS=6]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-6}
SHARED=benches/workloads
PEERS_ENV=${PEERS_ENV:-$HOME/.cache/gatekit-peers}
PY=$PEERS_ENV/venv/bin/python
[ -x "$PY" ] || bash $SHARED/peers.sh install
cargo build --release -q
STORE=$(mktemp -d)
OUT=$STORE/out.txt
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$STORE"' EXIT
target/release/gatekit local serve --port 4577 --data-dir "$STORE/after" >/dev/null 2>&1 & pids+=($!)
node $SHARED/null_ddb.js 4999 >/dev/null 2>&1 & pids+=($!)
servers="after:4577"
if [ -n "${BEFORE:-}" ]; then
  "$BEFORE" local serve --port 4576 --data-dir "$STORE/before" >/dev/null 2>&1 & pids+=($!)
  servers="before:4576 after:4577"
fi
sleep 1
for round in $(seq "$ROUNDS"); do
  order="null:4999 $servers"
  # The server that ran last checkpoints while the next one runs: alternate.
  [ $((round % 2)) = 0 ] && order="null:4999 $(echo "$servers" | tr ' ' '\n' | tac | tr '\n' ' ')"
  for pair in $order; do
    name=${pair%%:*}; port=${pair##*:}
    sleep 2
    "$PY" $SHARED/dynamo_bench.py --endpoint "http://127.0.0.1:$port" --client raw \
      --phases batch_write,transact_write --phase-budget 60 --table-prefix "r$round" 2>&1 \
      | awk -v n="$name" -v r="$round" '$1 ~ /^(batch_write|transact_write)$/ {print n, r, $1, $3}' | tee -a "$OUT"
  done
done
python3 - "$OUT" <<'PY'
import statistics, sys
by = {}
for line in open(sys.argv[1]):
    name, rnd, phase, ops = line.split()
    by[(name, rnd, phase)] = float(ops)
rounds = sorted({k[1] for k in by})
names = sorted({k[0] for k in by if k[0] != "null"})
for phase in ("batch_write", "transact_write"):
    for name in ["null"] + names:
        ops = [by[(name, r, phase)] for r in rounds if (name, r, phase) in by]
        line = f"{phase:15} {name:7} median {statistics.median(ops):7.0f} ops/s"
        if name != "null":
            ratios = [by[(name, r, phase)] / by[("null", r, phase)] for r in rounds]
            line += f", {100 * statistics.median(ratios):.0f}% of the client's ceiling"
        print(line)
PY
