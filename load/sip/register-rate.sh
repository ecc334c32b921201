#!/usr/bin/env bash
# Measures REGISTERs per second with digest authentication against the SIP edge on 127.0.0.1.
# Each sipp "call" is one agent registration: REGISTER -> 401 -> REGISTER+Authorization -> 200.
# Usage: load/sip/register-rate.sh [rate/s=6000] [registrations=60000] [agents=2000] [transport=u1] [sipp instances=2]
# One sipp process is single-threaded and tops out below the edge, so the offered load is split over
# several instances (each with its own share of the agents). A short warm-up run first lets the JIT
# reach optimised code, so the figure is the edge's steady state.
# RT=1 runs the edge and sipp under SCHED_FIFO (chrt, root only) so other builds on a shared machine do
# not add their scheduling delay (and the retransmissions it triggers) to the figure.
set -euo pipefail
RATE=${1:-6000}
TOTAL=${2:-60000}
AGENTS=${3:-2000}
TRANSPORT=${4:-u1}
INSTANCES=${5:-2}
PORT=${SIP_PORT:-15060}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
RT_PREFIX=()
[[ ${RT:-0} == 1 ]] && RT_PREFIX=(chrt -f 10)
trap 'exec 3>&- 2>/dev/null || true; [[ -n "${EDGE_PID:-}" ]] && kill "$EDGE_PID" 2>/dev/null || true; [[ -n "${KEEP:-}" ]] && echo "kept $WORK" || rm -rf "$WORK"' EXIT

command -v sipp >/dev/null || { echo "sipp missing: apt-get install sip-tester (tests/run.sh does this)"; exit 1; }
dotnet build "$HERE/SipEdgeRunner" -c Release -v q -nologo >/dev/null

PER=$((AGENTS / INSTANCES))
for ((k = 0; k < INSTANCES; k++)); do
  { echo SEQUENTIAL; for ((i = k * PER; i < (k + 1) * PER; i++)); do id=$((10000 + i)); echo "$id;[authentication username=$id password=pw$id]"; done; } > "$WORK/agents$k.csv"
done

mkfifo "$WORK/stdin"
"${RT_PREFIX[@]}" dotnet "$HERE/SipEdgeRunner/bin/Release/net10.0/SipEdgeRunner.dll" "$PORT" "$AGENTS" < "$WORK/stdin" > "$WORK/edge.log" 2>&1 &
EDGE_PID=$!
exec 3>"$WORK/stdin"
for _ in $(seq 100); do grep -q ready "$WORK/edge.log" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$WORK/edge.log" || { cat "$WORK/edge.log"; exit 1; }

ticks() { awk '{print $14 + $15}' "/proc/$EDGE_PID/stat"; }
run_sipp() { # rate total tag
  local pids=()
  for ((k = 0; k < INSTANCES; k++)); do
    "${RT_PREFIX[@]}" sipp "127.0.0.1:$PORT" -sf "$HERE/register-digest.xml" -inf "$WORK/agents$k.csv" -t "$TRANSPORT" -i 127.0.0.1 \
      -r $(($1 / INSTANCES)) -m $(($2 / INSTANCES)) -l 20000 -nostdin -timeout 180s \
      -max_recv_loops 5000 -max_sched_loops 5000 -buff_size 4194304 > "$WORK/sipp-$3-$k.out" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
}
sum_stat() { # label tag
  for f in "$WORK"/sipp-$2-*.out; do grep -E "^\s+$1" "$f" | tail -1; done | awk -F'|' '{gsub(/ /,"",$3); s += $3} END {print s + 0}'
}
run_sipp 1000 $((2000 * INSTANCES)) warmup
CLK=$(getconf CLK_TCK)
CPU0=$(ticks)
T0=$(date +%s.%N)
run_sipp "$RATE" "$TOTAL" measure
T1=$(date +%s.%N)
CPU1=$(ticks)
RSS=$(awk '/VmHWM/ {print $2}' "/proc/$EDGE_PID/status")

OK=$(sum_stat "Successful call" measure)
FAILED=$(sum_stat "Failed call" measure)
RETRANS=$(for f in "$WORK"/sipp-measure-*.out; do grep -E 'REGISTER ---' "$f" | tail -2; done | awk '{s += $4} END {print s + 0}')
ELAPSED=$(echo "$T1 - $T0" | bc -l)
CPU=$(echo "($CPU1 - $CPU0) / $CLK" | bc -l)
printf '\n%-34s %s\n' "load average / rt" "$(cut -d' ' -f1-3 /proc/loadavg) / ${RT:-0}"
printf '%-34s %s\n' "transport" "$TRANSPORT"
printf '%-34s %s\n' "sipp instances" "$INSTANCES"
printf '%-34s %s\n' "offered rate (registrations/s)" "$RATE"
printf '%-34s %s\n' "registrations attempted" "$TOTAL"
printf '%-34s %s\n' "successful registrations" "${OK:-?}"
printf '%-34s %s\n' "failed registrations" "${FAILED:-?}"
printf '%-34s %s\n' "REGISTER retransmissions" "${RETRANS:-?}"
printf '%-34s %.2f\n' "wall time (s)" "$ELAPSED"
printf '%-34s %.0f\n' "authenticated REGISTERs/s" "$(echo "${OK:-0} / $ELAPSED" | bc -l)"
printf '%-34s %.0f\n' "SIP requests/s (401 + 200 legs)" "$(echo "2 * ${OK:-0} / $ELAPSED" | bc -l)"
printf '%-34s %.1f%%\n' "edge CPU (of one core)" "$(echo "100 * $CPU / $ELAPSED" | bc -l)"
printf '%-34s %s MB\n' "edge peak RSS" "$((RSS / 1024))"
