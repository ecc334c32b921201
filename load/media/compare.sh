#!/bin/sh
# A/B of two builds of the media benchmark on a shared machine: for each call count, runs A then B then A
# then B ... (`rounds` times each), so both see the same minutes of the other engineers' load, and prints every
# row plus the relay's CPU per packet (µs) computed the same way for both.
# Usage: load/media/compare.sh A-binary B-binary [seconds=10] [rounds=2] [calls...=600 1000]
# MEDIABENCH_RT=1 runs both under SCHED_FIFO. Traffic stays on 127.0.0.1; each run stops by itself.
set -eu
a=$1
b=$2
seconds=${3:-10}
rounds=${4:-2}
shift 4 2>/dev/null || shift $#
calls=${*:-"600 1000"}
prefix=""
[ "${MEDIABENCH_RT:-0}" = 1 ] && prefix="chrt -f 10"
cores=$(nproc)
echo "# $(date -u +%FT%TZ) $cores cores, load average $(cut -d' ' -f1-3 /proc/loadavg), rt=${MEDIABENCH_RT:-0}, A=$a B=$b"
echo "build calls fwd% jit-p50ms jit-p99ms jit-max relayCPU% relay-us/pkt genCPU% verdict load1"
for n in $calls; do
  for r in $(seq 1 "$rounds"); do
    for side in A B; do
      bin=$a
      [ $side = B ] && bin=$b
      row=$(timeout $((seconds + 120)) $prefix "$bin" --calls "$n" --seconds "$seconds" --port-min 30000 --relay-threads 2 | tail -1)
      # Columns of the benchmark's row (both builds print these first 14 the same way).
      echo "$row" | awk -v side=$side -v cores="$cores" -v secs="$seconds" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
        '{ us = $7 > 0 ? $14 / 100 * cores * secs * 1e6 / $7 : 0;
           printf "%s %s %s %s %s %s %s %.2f %s %s %s\n", side, $1, $10, $11, $12, $13, $14, us, (NF > 19 ? $16 : $15), $NF, load }'
    done
  done
done
