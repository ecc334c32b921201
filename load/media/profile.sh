#!/bin/sh
# Where the relay's CPU goes: runs one media benchmark (N relayed, recorded calls, 127.0.0.1 only) and samples
# the relay process with Linux perf (Debian `linux-perf`) for a few seconds of its steady state, JIT-compiled
# .NET frames named through the runtime's perf map. Prints the benchmark row and the top symbols.
# Usage: load/media/profile.sh [calls=1000] [seconds=12] [bench binary]      (MEDIABENCH_RT=1: SCHED_FIFO)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
calls=${1:-1000}
seconds=${2:-12}
bench=${3:-}
[ -n "$bench" ] && bench=$(readlink -f "$bench")
if [ -z "$bench" ]; then
  dotnet build -c Release "$root/load/Hotline.MediaBench" -v q -nologo >/dev/null
  bench="$root/load/Hotline.MediaBench/bin/Release/net10.0/Hotline.MediaBench"
fi
prefix=""
[ "${MEDIABENCH_RT:-0}" = 1 ] && prefix="chrt -f 10"
out=$(mktemp -d)
trap 'rm -rf "$out"; rm -f /tmp/perf-"${relay:-none}".map' EXIT
# W^X off: with it, JIT code runs from a double mapping that perf cannot match with the perf map.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
timeout $((seconds + 120)) $prefix "$bench" --calls "$calls" --seconds "$seconds" --port-min 30000 --relay-threads 2 >"$out/row" 2>"$out/err" &
bench_pid=$!
# The generator says on stderr when the relay has set its calls up ("relay PID ready").
relay=""
for _ in $(seq 1 1200); do
  relay=$(sed -n 's/^relay \([0-9]*\) ready$/\1/p' "$out/err")
  [ -n "$relay" ] && break
  sleep 0.1
done
[ -n "$relay" ] || { echo "the relay did not get ready" >&2; cat "$out/err" >&2; exit 1; }
sleep 1
# cpu-clock: a VM here offers no hardware cycle counter. Attaching fails when one of the process's
# threads ends meanwhile (start-up threads come and go): try again.
for _ in 1 2 3 4 5; do
  perf record -e cpu-clock -F 999 -g -p "$relay" -o "$out/perf.data" -- sleep $((seconds / 2)) >"$out/perf.log" 2>&1 && break
  sleep 0.2
done
[ -s "$out/perf.data" ] || { echo "perf record failed:" >&2; tail -3 "$out/perf.log" >&2; }
wait "$bench_pid"
echo "# $(date -u +%FT%TZ) load average $(cut -d' ' -f1-3 /proc/loadavg), rt=${MEDIABENCH_RT:-0}"
tail -2 "$out/row"
echo "# relay process, self time by where it runs (share of samples)"
perf report -i "$out/perf.data" --no-children -g none --sort dso --stdio 2>/dev/null | grep '%' | grep -v '^#' | head -6
echo "# relay process, self time by symbol"
perf report -i "$out/perf.data" --no-children -g none --percent-limit 0.7 --sort dso,sym --stdio 2>/dev/null | grep '%' | grep -v '^#' | head -${TOP:-25}
