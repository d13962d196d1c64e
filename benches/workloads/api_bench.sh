#!/usr/bin/env bash
# HTTP latency/throughput anchor for an API Gateway-style endpoint (loopback only).
#
#   benches/workloads/api_bench.sh BASE_URL [PATH]            # PATH defaults to /hello
#
# Measures, for BASE_URL+PATH:
#   cold   latency of the first request after RESTART_CMD (if given) restarted the
#          server; without RESTART_CMD it is just the first request this script sends
#   c1     wrk, 1 connection, DURATION: unloaded request latency p50/p99 + req/s
#   cN     wrk, CONNS connections (default 16), DURATION: latency p50/p99 + req/s
# Bounded: each wrk run lasts DURATION (default 10s) against 127.0.0.1 only.
#
# Env: DURATION=10s CONNS=16 WRK_THREADS=2 RESTART_CMD='cmd to restart the server'
#      WARMUP=20 (sequential requests before the wrk runs)  WARM_DURATION=3s (a
#      discarded wrk run at CONNS connections, so per-connection instances are warm)
#      JSON=/path/out.json (append one line)
#      LABEL=name (shown in output)
set -euo pipefail

BASE=${1:?usage: api_bench.sh BASE_URL [PATH]}
PATH_=${2:-/hello}
URL="${BASE%/}$PATH_"
DURATION=${DURATION:-10s}
CONNS=${CONNS:-16}
WRK_THREADS=${WRK_THREADS:-2}
WARMUP=${WARMUP:-20}
WARM_DURATION=${WARM_DURATION:-3s}
LABEL=${LABEL:-$URL}

case "$URL" in
  http://127.*|http://localhost*|http://\[::1\]*) ;;
  *) echo "refusing non-loopback URL $URL" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "wrk not installed (apt-get install -y wrk)" >&2; exit 2; }

host_port=${BASE#http://}; host_port=${host_port%%/*}
port=${host_port##*:}

cold_ms=""
if [ -n "${RESTART_CMD:-}" ]; then
  bash -c "$RESTART_CMD" >/dev/null
  for _ in $(seq 600); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
fi
# first request (cold when RESTART_CMD was given)
read -r code t <<<"$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 "$URL")"
cold_ms=$(awk -v t="$t" 'BEGIN{printf "%.1f", t*1000}')
[ "$code" = 200 ] || echo "warning: first request returned HTTP $code" >&2
second=$(curl -s -o /dev/null -w '%{time_total}' --max-time 60 "$URL")
second_ms=$(awk -v t="$second" 'BEGIN{printf "%.1f", t*1000}')
for _ in $(seq "$WARMUP"); do curl -s -o /dev/null --max-time 10 "$URL"; done
# Concurrency warm-up (discarded): emulators that start one function instance per
# concurrent request (serverless-offline does) pay those cold starts here, not in
# the measured runs.
wrk -t1 -c"$CONNS" -d"$WARM_DURATION" --timeout 10s "$URL" >/dev/null

to_ms() { # wrk prints 1.23ms / 456.00us / 1.02s
  awk -v v="$1" 'BEGIN{
    if (v ~ /us$/) {sub(/us$/,"",v); printf "%.3f", v/1000}
    else if (v ~ /ms$/) {sub(/ms$/,"",v); printf "%.3f", v}
    else if (v ~ /s$/) {sub(/s$/,"",v); printf "%.3f", v*1000}
    else print "nan"}'
}

run_wrk() { # conns threads -> "rps p50 p99 non2xx errors total"
  local c=$1 t=$2 out
  [ "$t" -gt "$c" ] && t=$c
  out=$(wrk -t"$t" -c"$c" -d"$DURATION" --latency --timeout 10s "$URL")
  local rps p50 p99 non2xx errs total
  rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1=="50%"{print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1=="99%"{print $2}' <<<"$out")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/{print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  errs=$(awk '/Socket errors:/{gsub(",","");print $4+$6+$8+$10}' <<<"$out"); errs=${errs:-0}
  total=$(awk '/requests in/{print $1}' <<<"$out")
  echo "$rps $p50 $p99 $non2xx $errs $total"
}

read -r rps1 p50_1 p99_1 bad1 err1 tot1 <<<"$(run_wrk 1 1)"
read -r rpsN p50_N p99_N badN errN totN <<<"$(run_wrk "$CONNS" "$WRK_THREADS")"

printf '%s\n' "== $LABEL"
printf '  cold first request : %8s ms   (second request %s ms)%s\n' "$cold_ms" "$second_ms" \
  "$([ -n "${RESTART_CMD:-}" ] && echo '' || echo '  [no RESTART_CMD: may be warm]')"
printf '  c=1   %-6s      : %8s req/s  p50 %7s ms  p99 %7s ms  (%s req, non2xx %s, sock err %s)\n' \
  "$DURATION" "$rps1" "$p50_1" "$p99_1" "$tot1" "$bad1" "$err1"
printf '  c=%-3s %-6s      : %8s req/s  p50 %7s ms  p99 %7s ms  (%s req, non2xx %s, sock err %s)\n' \
  "$CONNS" "$DURATION" "$rpsN" "$p50_N" "$p99_N" "$totN" "$badN" "$errN"

if [ -n "${JSON:-}" ]; then
  printf '{"label":"%s","url":"%s","cold_ms":%s,"second_ms":%s,"c1":{"rps":%s,"p50_ms":%s,"p99_ms":%s,"non2xx":%s,"errors":%s},"c%s":{"rps":%s,"p50_ms":%s,"p99_ms":%s,"non2xx":%s,"errors":%s},"duration":"%s"}\n' \
    "$LABEL" "$URL" "$cold_ms" "$second_ms" "$rps1" "$p50_1" "$p99_1" "$bad1" "$err1" \
    "$CONNS" "$rpsN" "$p50_N" "$p99_N" "$badN" "$errN" "$DURATION" >> "$JSON"
fi
