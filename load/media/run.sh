#!/bin/sh
# Media relay benchmark: N relayed, recorded calls on loopback, 50 packets/s each way per call.
# Usage: load/media/run.sh [seconds] [calls...]      e.g. load/media/run.sh 10 260 500 750
# Each run stops by itself (generator deadline; the relay process exits on "stop" or its own deadline).
# Set MEDIABENCH_RT=1 to run under SCHED_FIFO (chrt, root only) so other builds on a shared machine do
# not add their scheduling delay to the jitter figures; the table says which mode produced each row.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-10}
[ $# -gt 0 ] && shift
calls=${*:-"260 500 600 650"}

dotnet build -c Release "$root/load/Hotline.MediaBench" -v q -nologo >/dev/null
bench="$root/load/Hotline.MediaBench/bin/Release/net10.0/Hotline.MediaBench"
prefix=""
if [ "${MEDIABENCH_RT:-0}" = 1 ]; then
  prefix="chrt -f 10"
fi

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), rt=${MEDIABENCH_RT:-0}"
header=1
for n in $calls; do
  # The epoll engine (default on Linux) and the async-receive fallback, side by side.
  for engine in "--relay-threads 2" "--relay-threads 0"; do
    out=$(timeout $((seconds + 120)) $prefix "$bench" --calls "$n" --seconds "$seconds" --port-min 30000 $engine)
    if [ $header = 1 ]; then echo "$out" | tail -2 | head -1; header=0; fi
    echo "$out" | tail -1
  done
done
