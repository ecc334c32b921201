#!/usr/bin/env bash
# gRPC lifecycle benchmark against the real host, on SQLite and then on PostgreSQL.
#   load/run-grpc.sh [--seconds 20] [--warmup 10] [--clients 64] [--connections 4] [--providers "sqlite postgres"]
#                    [--hosts 1] [--cluster] [--no-pgbench] [--no-build]
# For each provider: starts src/Hotline.Silo (Release) on free loopback ports with a temp DataDir (and a
# throwaway PostgreSQL cluster from tests/postgres.sh), issues tokens with the host's CLI, runs
# `Hotline.Load grpc` against it, stops everything; then prints the tables side by side. On PostgreSQL,
# `--hosts 2` runs two hosts as one Orleans cluster on the same database, each driven by half the clients
# (the combined figure is the sum of their lines; `--cluster` makes one host a cluster of one too, whose
# ticket grains keep their state between calls instead of reloading it), and `pgbench -N` with the same
# clients on the same throwaway cluster is printed beside ours as the anchor of what that database does here. Bounded:
# each provider runs warm-up + seconds, and every wait below has a limit. The warm-up is long because
# the host JIT-compiles its hot paths again at higher tiers for the first seconds under load, and on a
# busy 2-core machine that takes a while; only steady state is measured.
set -euo pipefail

SECONDS_PER_PROVIDER=20
WARMUP=10
CLIENTS=64
CONNECTIONS=4
PROVIDERS="sqlite postgres"
HOSTS=1
CLUSTER=0
PGBENCH=1
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PER_PROVIDER="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --providers) PROVIDERS="$2"; shift 2 ;;
    --hosts) HOSTS="$2"; shift 2 ;;
    --cluster) CLUSTER=1; shift ;;
    --no-pgbench) PGBENCH=0; shift ;;
    --no-build) BUILD=0; shift ;;
    *) sed -n '2,14p' "$0" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SILO=src/Hotline.Silo/bin/Release/net10.0/Hotline.Silo.dll
LOAD=load/Hotline.Load/bin/Release/net10.0/Hotline.Load.dll
DEPARTMENTS="scjg rsj gaj zjw cgw swj jtw dl"
WORK="$(mktemp -d /tmp/hotline-grpc-load.XXXXXX)"
HOST_PIDS=()
PG_DIR=""

cleanup() {
  local pid
  for pid in "${HOST_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  HOST_PIDS=()
  if [ -n "$PG_DIR" ]; then tests/postgres.sh stop "$PG_DIR" || true; PG_DIR=""; fi
}
trap 'cleanup; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

if [ "$BUILD" = 1 ]; then
  echo "building Release…" >&2
  dotnet build -c Release -nologo -v q src/Hotline.Silo >&2
  dotnet build -c Release -nologo -v q load/Hotline.Load >&2
fi

# Starts one host writing to $1/host.log; sets PORT to its gRPC port (no subshell, so HOST_PIDS keeps it).
start_host() {
  local log="$1/host.log"
  shift
  dotnet "$SILO" --Http:Port=0 --Grpc:Port=0 --Sip:Port=0 --Cluster:SiloPort=0 --Cluster:GatewayPort=0 --ShutdownTimeout=00:00:05 "$@" \
    >"$log" 2>&1 &
  HOST_PIDS+=($!)
  local pid=$!
  PORT=""
  local port=""
  for _ in $(seq 1 600); do
    port="$(grep -o '"GrpcPort":[0-9]*' "$log" | head -1 | cut -d: -f2 || true)"
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "host exited" >&2; return 1; }
    sleep 0.1
  done
  [ -n "$port" ] || { echo "host did not report its gRPC port within 60 s" >&2; return 1; }
  PORT="$port"
}

# pgbench -N (no updates of the small tables) with our clients on the same database: the anchor.
run_pgbench() {
  local host port
  host="$(sed -E 's/.*Host=([^;]*).*/\1/' <<<"$HOTLINE_TEST_PG")"
  port="$(sed -E 's/.*Port=([^;]*).*/\1/' <<<"$HOTLINE_TEST_PG")"
  pgbench -h "$host" -p "$port" -U postgres -i -q -s 10 postgres >"$WORK/pgbench-init.log" 2>&1 \
    || { cat "$WORK/pgbench-init.log" >&2; return 1; }
  pgbench -h "$host" -p "$port" -U postgres -N -c "$CLIENTS" -j 2 -T "$SECONDS_PER_PROVIDER" postgres 2>/dev/null \
    | grep -E '^(tps|latency average)' | tr '\n' ' ' \
    | sed -E "s/^/pgbench -N anchor, $CLIENTS clients, ${SECONDS_PER_PROVIDER} s, same PostgreSQL: /" >"$WORK/pgbench.txt"
  echo >>"$WORK/pgbench.txt"
}

run_provider() {
  local provider="$1"
  local data="$WORK/$provider"
  local storage=() cluster=() hosts=1
  mkdir -p "$data"
  if [ "$provider" = postgres ]; then
    eval "$(tests/postgres.sh start)"
    PG_DIR="$HOTLINE_PG_DIR"
    storage=(--Storage:Provider=postgres "--Storage:ConnectionString=$HOTLINE_TEST_PG")
    hosts="$HOSTS"
    if [ "$hosts" -gt 1 ] || [ "$CLUSTER" = 1 ]; then
      cluster=(--Cluster:Provider=postgres --Cluster:AdvertisedAddress=127.0.0.1)
    fi
  elif [ "$provider" != sqlite ]; then
    echo "unknown provider $provider" >&2; return 2
  fi

  local ports=() i
  for i in $(seq 1 "$hosts"); do
    mkdir -p "$data/host$i"
    start_host "$data/host$i" --DataDir="$data/host$i" "${storage[@]}" "${cluster[@]}"
    ports+=("$PORT")
  done

  # The CLI logs to stderr; keep that out of the results unless it fails.
  token() {
    dotnet "$SILO" token issue "$@" --DataDir="$data/host1" "${storage[@]}" 2>>"$data/cli.log" \
      || { cat "$data/cli.log" >&2; echo "token issue $* failed" >&2; return 1; }
  }
  local agent supervisor departments=""
  agent="$(token --staff load-agent --role agent)"
  supervisor="$(token --staff load-supervisor --role supervisor)"
  for d in $DEPARTMENTS; do departments+="${departments:+,}$d=$(token --department "$d")"; done

  echo "[$provider] $hosts host(s) ${HOST_PIDS[*]} on gRPC ports ${ports[*]}; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  local label clients=$((CLIENTS / hosts)) loads=()
  for i in $(seq 1 "$hosts"); do
    label="$provider"
    [ "$hosts" -gt 1 ] && label="$provider host $i of $hosts"
    [ "$hosts" = 1 ] && [ "$CLUSTER" = 1 ] && label="$provider, one-host cluster"
    timeout $((SECONDS_PER_PROVIDER + WARMUP + 90)) dotnet "$LOAD" grpc --target "127.0.0.1:${ports[$((i - 1))]}" --label "$label" \
      --clients "$clients" --connections "$CONNECTIONS" --seconds "$SECONDS_PER_PROVIDER" --warmup "$WARMUP" \
      --server-pid "${HOST_PIDS[$((i - 1))]}" --agent-token "$agent" --supervisor-token "$supervisor" --department-tokens "$departments" \
      >"$WORK/$provider.$i.txt" &
    loads+=($!)
  done
  for i in "${loads[@]}"; do wait "$i"; done
  cat "$WORK/$provider".*.txt >"$WORK/$provider.txt"
  cat "$WORK/$provider.txt"
  if [ "$provider" = postgres ] && [ "$PGBENCH" = 1 ]; then
    # The hosts stop first, so pgbench has the database and the cores to itself as ours had.
    local pid
    for pid in "${HOST_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${HOST_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    HOST_PIDS=()
    run_pgbench && cat "$WORK/pgbench.txt" | tee -a "$WORK/$provider.txt"
  fi
  cleanup
}

for provider in $PROVIDERS; do
  run_provider "$provider"
done

echo
echo "==== gRPC lifecycle benchmark, same run: $PROVIDERS ===="
for provider in $PROVIDERS; do cat "$WORK/$provider.txt"; done
