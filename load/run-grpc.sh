#!/usr/bin/env bash
# gRPC lifecycle benchmark against the real host, on SQLite and then on PostgreSQL.
#   load/run-grpc.sh [--seconds 20] [--warmup 10] [--clients 64] [--connections 4] [--providers "sqlite postgres"] [--no-build]
# For each provider: starts src/Hotline.Silo (Release) on free loopback ports with a temp DataDir (and a
# throwaway PostgreSQL cluster from tests/postgres.sh), issues tokens with the host's CLI, runs
# `Hotline.Load grpc` against it, stops everything; then prints the tables side by side. Bounded:
# each provider runs warm-up + seconds, and every wait below has a limit. The warm-up is long because
# the host JIT-compiles its hot paths again at higher tiers for the first seconds under load, and on a
# busy 2-core machine that takes a while; only steady state is measured.
set -euo pipefail

SECONDS_PER_PROVIDER=20
WARMUP=10
CLIENTS=64
CONNECTIONS=4
PROVIDERS="sqlite postgres"
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PER_PROVIDER="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --providers) PROVIDERS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) sed -n '2,7p' "$0" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SILO=src/Hotline.Silo/bin/Release/net10.0/Hotline.Silo.dll
LOAD=load/Hotline.Load/bin/Release/net10.0/Hotline.Load.dll
DEPARTMENTS="scjg rsj gaj zjw cgw swj jtw dl"
WORK="$(mktemp -d /tmp/hotline-grpc-load.XXXXXX)"
HOST_PID=""
PG_DIR=""

cleanup() {
  if [ -n "$HOST_PID" ] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill -TERM "$HOST_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$HOST_PID" 2>/dev/null || true
  fi
  HOST_PID=""
  if [ -n "$PG_DIR" ]; then tests/postgres.sh stop "$PG_DIR" || true; PG_DIR=""; fi
}
trap 'cleanup; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

if [ "$BUILD" = 1 ]; then
  echo "building Release…" >&2
  dotnet build -c Release -nologo -v q src/Hotline.Silo >&2
  dotnet build -c Release -nologo -v q load/Hotline.Load >&2
fi

run_provider() {
  local provider="$1"
  local data="$WORK/$provider"
  local storage=()
  mkdir -p "$data"
  if [ "$provider" = postgres ]; then
    eval "$(tests/postgres.sh start)"
    PG_DIR="$HOTLINE_PG_DIR"
    storage=(--Storage:Provider=postgres "--Storage:ConnectionString=$HOTLINE_TEST_PG")
  elif [ "$provider" != sqlite ]; then
    echo "unknown provider $provider" >&2; return 2
  fi

  dotnet "$SILO" --DataDir="$data" --Http:Port=0 --Grpc:Port=0 --Sip:Port=0 --Cluster:SiloPort=0 --Cluster:GatewayPort=0 --ShutdownTimeout=00:00:05 "${storage[@]}" \
    >"$data/host.log" 2>&1 &
  HOST_PID=$!
  local port=""
  for _ in $(seq 1 600); do
    port="$(grep -o '"GrpcPort":[0-9]*' "$data/host.log" | head -1 | cut -d: -f2 || true)"
    [ -n "$port" ] && break
    kill -0 "$HOST_PID" 2>/dev/null || { cat "$data/host.log" >&2; echo "host exited" >&2; return 1; }
    sleep 0.1
  done
  [ -n "$port" ] || { echo "host did not report its gRPC port within 60 s" >&2; return 1; }

  # The CLI logs to stderr; keep that out of the results unless it fails.
  token() {
    dotnet "$SILO" token issue "$@" --DataDir="$data" "${storage[@]}" 2>>"$data/cli.log" \
      || { cat "$data/cli.log" >&2; echo "token issue $* failed" >&2; return 1; }
  }
  local agent supervisor departments=""
  agent="$(token --staff load-agent --role agent)"
  supervisor="$(token --staff load-supervisor --role supervisor)"
  for d in $DEPARTMENTS; do departments+="${departments:+,}$d=$(token --department "$d")"; done

  echo "[$provider] host pid $HOST_PID on 127.0.0.1:$port; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  timeout $((SECONDS_PER_PROVIDER + WARMUP + 90)) dotnet "$LOAD" grpc --target "127.0.0.1:$port" --label "$provider" \
    --clients "$CLIENTS" --connections "$CONNECTIONS" --seconds "$SECONDS_PER_PROVIDER" --warmup "$WARMUP" \
    --server-pid "$HOST_PID" --agent-token "$agent" --supervisor-token "$supervisor" --department-tokens "$departments" | tee "$WORK/$provider.txt"
  cleanup
}

for provider in $PROVIDERS; do
  run_provider "$provider"
done

echo
echo "==== gRPC lifecycle benchmark, same run: $PROVIDERS ===="
for provider in $PROVIDERS; do cat "$WORK/$provider.txt"; done
