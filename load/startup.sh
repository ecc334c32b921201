#!/usr/bin/env bash
# Cold start and idle memory of README's run command, on the embedded default (SQLite, one silo).
#   load/startup.sh [--runs 3] [--idle 30] [--no-build]
# Each run starts the built host (Release) on free ports with a fresh data directory, with and without
# the demo organisation, and measures the time from exec until /healthz answers 200; then leaves it idle
# for --idle seconds and reads its resident memory (VmRSS).
# Prints one line per run and the median. Bounded: every wait has a limit; hosts are stopped on exit.
set -euo pipefail

RUNS=3
IDLE=30
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --idle) IDLE="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) sed -n '2,6p' "$0" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SILO=src/Hotline.Silo/bin/Release/net10.0/Hotline.Silo.dll
WORK="$(mktemp -d /tmp/hotline-startup.XXXXXX)"
PID=""
stop_host() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$PID" 2>/dev/null || true
  fi
  PID=""
}
trap 'stop_host; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

if [ "$BUILD" = 1 ]; then
  echo "building Release…" >&2
  dotnet build -c Release -nologo -v q src/Hotline.Silo >&2
fi

now_ms() { date +%s%3N; }

measure() {
  local label="$1" run="$2"
  shift 2
  local data="$WORK/$label-$run"
  local started http="" elapsed=""
  started=$(now_ms)
  dotnet "$SILO" --DataDir="$data" --Http:Port=0 --Grpc:Port=0 --Sip:Port=0 --Cluster:SiloPort=0 --Cluster:GatewayPort=0 "$@" \
    >"$WORK/$label-$run.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 1200); do
    [ -z "$http" ] && http="$(grep -o '"HttpPort":[0-9]*' "$WORK/$label-$run.log" | head -1 | cut -d: -f2 || true)"
    if [ -n "$http" ] && curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$http/healthz"; then
      elapsed=$(( $(now_ms) - started ))
      break
    fi
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/$label-$run.log" >&2; echo "host exited" >&2; return 1; }
    sleep 0.05
  done
  [ -n "$elapsed" ] || { echo "not healthy within 60 s" >&2; return 1; }
  sleep "$IDLE"
  local rss
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status")
  stop_host
  printf '%-8s run %d: healthy after %5d ms; after %d s idle: RSS %4d MB\n' "$label" "$run" "$elapsed" "$IDLE" "$rss"
  echo "$elapsed $rss" >>"$WORK/$label.values"
}

echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
  measure demo "$run"
  measure no-demo "$run" --no-demo
done
for label in demo no-demo; do
  sort -n "$WORK/$label.values" | awk -v l="$label" '{t[NR]=$1; r[NR]=$2} END {m=int((NR+1)/2); printf "%-8s median: healthy after %d ms, idle RSS %d MB\n", l, t[m], r[m]}'
done
