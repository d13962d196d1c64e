#!/usr/bin/env bash
# Install / start / stop the peer emulators used as performance anchors and
# behaviour references for gatekit. Everything listens on 127.0.0.1 only.
#
#   benches/workloads/peers.sh install          # venv + npm packages + wrk under $PEERS_ENV
#   benches/workloads/peers.sh start [moto|dynalite|dynoxide|offline|all]
#   benches/workloads/peers.sh stop  [moto|dynalite|dynoxide|offline|all]
#   benches/workloads/peers.sh status
#
# Env overrides: PEERS_ENV (default $PEERS_ENV), MOTO_PORT (5000),
# DYNALITE_PORT (4567), OFFLINE_HTTP_PORT (3000), OFFLINE_LAMBDA_PORT (3002).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PEERS_ENV="${PEERS_ENV:-$HOME/.cache/gatekit-peers}"
VENV="$PEERS_ENV/venv"
NODE_DIR="$PEERS_ENV/node"
RUN="$PEERS_ENV/run"
MOTO_PORT="${MOTO_PORT:-5000}"
DYNALITE_PORT="${DYNALITE_PORT:-4567}"
DYNOXIDE_PORT="${DYNOXIDE_PORT:-4568}"
OFFLINE_HTTP_PORT="${OFFLINE_HTTP_PORT:-3000}"
OFFLINE_LAMBDA_PORT="${OFFLINE_LAMBDA_PORT:-3002}"
mkdir -p "$RUN"

# serverless-offline spawns `python3.X` for a pythonX.Y runtime. On this machine
# the interpreters come from pyenv; make all of them visible to its shims.
if command -v pyenv >/dev/null 2>&1; then
  export PYENV_VERSION="${PYENV_VERSION:-3.11.7:3.12.1:3.13.0:3.10.13:3.9.18:3.8.18}"
fi

install() {
  mkdir -p "$PEERS_ENV" "$NODE_DIR"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q 'moto[server]==5.2.5' 'boto3==1.44.8' 'pytest==9.2.0'
  ( cd "$NODE_DIR" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund serverless@3.40.0 serverless-offline@13.10.1 dynalite@4.0.0 )
  # dynoxide: a Rust DynamoDB emulator on SQLite (crates.io), the fastest peer; about 2 minutes to build.
  [ -x "$PEERS_ENV/dynoxide/bin/dynoxide" ] || cargo install -q dynoxide-rs --locked --root "$PEERS_ENV/dynoxide" \
    --no-default-features --features http-server,native-sqlite,cli
  if ! command -v wrk >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq wrk
  fi
}

wait_port() { # port seconds
  local port=$1 n=$(( $2 * 10 ))
  for _ in $(seq "$n"); do
    if port_open "$port"; then return 0; fi
    sleep 0.1
  done
  echo "port $port did not open" >&2; return 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_one() {
  local name=$1 port=$2; shift 2
  if [ -f "$RUN/$name.pid" ] && kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then
    echo "$name already running (pid $(cat "$RUN/$name.pid"))"; return 0
  fi
  if port_open "$port"; then echo "port $port already in use; not starting $name" >&2; return 1; fi
  setsid "$@" >"$RUN/$name.log" 2>&1 < /dev/null &
  echo $! > "$RUN/$name.pid"
}

start() {
  case "${1:-all}" in
    moto)
      start_one moto "$MOTO_PORT" "$VENV/bin/moto_server" -H 127.0.0.1 -p "$MOTO_PORT"
      wait_port "$MOTO_PORT" 30 && echo "moto      http://127.0.0.1:$MOTO_PORT" ;;
    dynalite)
      # Table state transitions are instant (real DynamoDB takes seconds; the
      # bench polls DescribeTable until ACTIVE anyway).
      start_one dynalite "$DYNALITE_PORT" node "$NODE_DIR/node_modules/dynalite/cli.js" --host 127.0.0.1 \
        --port "$DYNALITE_PORT" --createTableMs 0 --deleteTableMs 0 --updateTableMs 0
      wait_port "$DYNALITE_PORT" 30 && echo "dynalite  http://127.0.0.1:$DYNALITE_PORT" ;;
    dynoxide)
      # in memory by default; DYNOXIDE_DB=/path/db.sqlite for a store on disk
      start_one dynoxide "$DYNOXIDE_PORT" "$PEERS_ENV/dynoxide/bin/dynoxide" --host 127.0.0.1 --port "$DYNOXIDE_PORT" \
        ${DYNOXIDE_DB:+--db-path "$DYNOXIDE_DB"} --log quiet
      wait_port "$DYNOXIDE_PORT" 30 && echo "dynoxide  http://127.0.0.1:$DYNOXIDE_PORT" ;;
    offline)
      # serverless v3 reads serverless.yml from the cwd; no login, no AWS calls.
      # The plugin is found next to the framework in $NODE_DIR/node_modules.
      ( cd "$HERE/sls-app" && start_one offline "$OFFLINE_HTTP_PORT" env SLS_TELEMETRY_DISABLED=1 \
          SLS_NOTIFICATIONS_MODE=off SLS_DEPRECATION_DISABLE='*' \
          "$NODE_DIR/node_modules/.bin/serverless" offline start \
          --host 127.0.0.1 --httpPort "$OFFLINE_HTTP_PORT" --lambdaPort "$OFFLINE_LAMBDA_PORT" \
          --noPrependStageInUrl )
      wait_port "$OFFLINE_HTTP_PORT" 90 && echo "offline   http://127.0.0.1:$OFFLINE_HTTP_PORT" ;;
    all) start moto; start dynalite; start dynoxide; start offline ;;
    *) echo "unknown peer $1" >&2; exit 2 ;;
  esac
}

stop() {
  local names
  if [ "${1:-all}" = all ]; then names="moto dynalite dynoxide offline"; else names=$1; fi
  for n in $names; do
    if [ -f "$RUN/$n.pid" ]; then
      local pid; pid=$(cat "$RUN/$n.pid")
      # setsid made the child a process-group leader: stop that group only.
      kill -- "-$pid" 2>/dev/null || true
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 -- "-$pid" 2>/dev/null || true
      rm -f "$RUN/$n.pid"; echo "stopped $n ($pid)"
    fi
  done
}

status() {
  for n in moto dynalite dynoxide offline; do
    if [ -f "$RUN/$n.pid" ] && kill -0 "$(cat "$RUN/$n.pid")" 2>/dev/null; then
      echo "$n: running pid $(cat "$RUN/$n.pid") log $RUN/$n.log"
    else echo "$n: stopped"; fi
  done
}

cmd=${1:-status}; shift || true
case "$cmd" in
  install) install ;;
  start) start "${1:-all}" ;;
  stop) stop "${1:-all}" ;;
  status) status ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
