#!/usr/bin/env bash
# The call centre under load, end to end on 127.0.0.1: the host (release build, data in a temp dir),
# N agent phones (sipp: register with digest, answer, talk), and trunk callers arriving at a fixed rate
# (sipp: INVITE, talk for --hold seconds, BYE). With the defaults: 260 agents, 20 calls/s, each caller
# staying 18 s, so 360 callers are in the system at once: 260 bridged to agents and recorded, the rest
# waiting. Prints one table and stops everything it started (also on Ctrl-C).
#
#   load/sip/call-load.sh [--agents 260] [--waiting 100] [--rate 20] [--hold s] [--seconds 60]
#                         [--callers k] [--agent-instances k] [--edge host|runner] [--warmup 3] [--warmup-hold 1]
#                         [--wrap-up 0] [--keep]
#
# --hold defaults to (agents + waiting) / rate, which keeps agents + waiting callers in the system.
# --seconds is how long callers keep arriving (calls = rate × seconds).
# --callers splits the arrivals over k sipp processes (one sipp tops out near 1,000 setups/s); default
#   one per 400 calls/s. --agent-instances likewise splits the agents (default one per 400 agents).
# --wrap-up is the general queue's wrap-up time in seconds (0: an agent takes the next call at once).
# --warmup runs that many seconds of short calls (20/s) first, outside the figures, so the JIT has
#   compiled the call path. --warmup-hold is how long each stays (1 s): past the greeting (about 5 s) the
#   warm-up calls also reach agents, so the bridged, recorded path is compiled before the figures too.
# --edge runner runs the telephony alone (load/sip/SipEdgeRunner: the SIP edge and the call centre with
#   in-memory stores, /metrics on HTTP_PORT) instead of the whole host; with --agents 0 no call is ever
#   bridged, which measures the edge answering trunk calls.
# Environment: SIP_PORT (15060), HTTP_PORT (18080), GRPC_PORT (15051), SILO_PORT (11111) and GATEWAY_PORT
# (30000) for the host's Orleans silo, MEDIA_MIN/MEDIA_MAX (20000/29999) for the relay's ports, SIPP_OFFSET (0)
# added to sipp's ports (SIP 16000/17000…, RTP ×10 from 40000/50000…) so two runs can share the machine; KEEP=1 keeps the work directory;
# PROFILE=1 samples the edge with perf during the steady state (PROFILE_SECONDS, 6) and prints its threads and
# top symbols after the table.
# RUNNER=path/SipEdgeRunner.dll runs that build of the runner (--edge runner) without building, for A/B runs;
# HOST_DLL=path/Hotline.Silo.dll does the same for the host (--edge host).
# RT=1 runs the host and sipp under SCHED_FIFO (chrt, root only) so other builds on a shared machine do
# not add their scheduling delay to the figures (the table says which).
set -euo pipefail

AGENTS=260 WAITING=100 RATE=20 HOLD="" SECONDS_OF_ARRIVALS=60 CALLERS="" AGENT_INSTANCES="" EDGE=host WARMUP=3 WARMUP_HOLD=1 WRAP_UP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --agents) AGENTS=$2; shift 2 ;;
    --waiting) WAITING=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --hold) HOLD=$2; shift 2 ;;
    --seconds) SECONDS_OF_ARRIVALS=$2; shift 2 ;;
    --callers) CALLERS=$2; shift 2 ;;
    --agent-instances) AGENT_INSTANCES=$2; shift 2 ;;
    --edge) EDGE=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --warmup-hold) WARMUP_HOLD=$2; shift 2 ;;
    --wrap-up) WRAP_UP=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "call-load.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for v in AGENTS WAITING RATE SECONDS_OF_ARRIVALS WARMUP WARMUP_HOLD WRAP_UP; do
  [[ ${!v} =~ ^[0-9]+$ ]] || { echo "call-load.sh: ${v,,} must be a whole number, got '${!v}'" >&2; exit 2; }
done
[[ $RATE -gt 0 ]] || { echo "call-load.sh: --rate must be above 0" >&2; exit 2; }
[[ $EDGE == host || $EDGE == runner ]] || { echo "call-load.sh: --edge is host or runner, got '$EDGE'" >&2; exit 2; }
HOLD=${HOLD:-$(( (AGENTS + WAITING + RATE - 1) / RATE ))}
[[ $HOLD =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "call-load.sh: --hold must be seconds, got '$HOLD'" >&2; exit 2; }
CALLERS=${CALLERS:-$(( (RATE + 399) / 400 ))}
AGENT_INSTANCES=${AGENT_INSTANCES:-$(( AGENTS > 0 ? (AGENTS + 399) / 400 : 0 ))}
CALLS=$(( RATE * SECONDS_OF_ARRIVALS ))
HOLD_MS=$(printf '%.0f' "$(echo "$HOLD * 1000" | bc -l)")
SIP_PORT=${SIP_PORT:-15060} HTTP_PORT=${HTTP_PORT:-18080} GRPC_PORT=${GRPC_PORT:-15051}
SILO_PORT=${SILO_PORT:-11111} GATEWAY_PORT=${GATEWAY_PORT:-30000}
MEDIA_MIN=${MEDIA_MIN:-20000} MEDIA_MAX=${MEDIA_MAX:-29999}
PROFILE_SECONDS=${PROFILE_SECONDS:-6} SIPP_OFFSET=${SIPP_OFFSET:-0}
# Where agents come from: the host's agent directory (`agent import`, "cli"); the runner has no store and
# reads Registrar:Agents:N:* from environment variables ("config").
if [[ $EDGE == host ]]; then AGENT_SOURCE=${AGENT_SOURCE:-cli}; else AGENT_SOURCE=${AGENT_SOURCE:-config}; fi

# PROFILE=1: JIT-compiled frames named in a perf map, and W^X off (perf cannot match its double mapping).
PROFILE_ENV=()
[[ ${PROFILE:-0} == 1 ]] && PROFILE_ENV=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
RT_PREFIX=()
[[ ${RT:-0} == 1 ]] && RT_PREFIX=(chrt -f 10)
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SCEN="$HERE/scenarios"
command -v sipp >/dev/null || { echo "sipp missing: apt-get install sip-tester (tests/run.sh does this)" >&2; exit 1; }
command -v bc >/dev/null && command -v curl >/dev/null || { echo "bc and curl are needed" >&2; exit 1; }
for p in "$SIP_PORT" "$HTTP_PORT" "$GRPC_PORT" "$SILO_PORT" "$GATEWAY_PORT"; do
  if ss -Hltun "sport = :$p" | grep -q .; then echo "call-load.sh: port $p is taken; set SIP_PORT/HTTP_PORT/GRPC_PORT/SILO_PORT/GATEWAY_PORT" >&2; exit 1; fi
done

WORK=$(mktemp -d /tmp/call-load.XXXXXX)
HOST_PID="" SAMPLER_PID=""
SIPP_PIDS=()
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for p in "${SIPP_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  [[ -n ${CAPTURE_PID:-} ]] && kill "$CAPTURE_PID" 2>/dev/null || true
  if [[ -n $HOST_PID ]] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill -TERM "$HOST_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$HOST_PID" 2>/dev/null || true
  fi
  for p in "${SIPP_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  if [[ -n ${KEEP:-} ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cd "$WORK"
python3 "$SCEN/alaw-tone.py" tone.alaw 4

# --- the edge ----------------------------------------------------------------------------------------
echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); edge=$EDGE agents=$AGENTS rate=$RATE/s hold=${HOLD}s calls=$CALLS callers=$CALLERS" >&2
echo "building ($EDGE)…" >&2
for ((i = 0; i < AGENTS; i++)); do id=$((10000 + i)); echo "$id,pw$id,general:1"; done > agents.csv
# The telephony settings, the same for the host and the runner (which reads them with a HOTLINE_ prefix).
SETTINGS=(Sip__Port=$SIP_PORT Sip__Bind=127.0.0.1 Sip__Trunks__0__Name=load Sip__Trunks__0__Address=127.0.0.1
  Media__BindAddress=127.0.0.1 Media__PortMin=$MEDIA_MIN Media__PortMax=$MEDIA_MAX Media__DataDirectory="$WORK/data"
  Acd__ReadyOnRegister=true Ivr__Menu__Enabled=false
  Calls__Queues__0__Id=general Calls__Queues__0__Skill=general Calls__Queues__0__WrapUp="$(printf '%02d:%02d:%02d' $((WRAP_UP / 3600)) $((WRAP_UP / 60 % 60)) $((WRAP_UP % 60)))")
if [[ $AGENT_SOURCE == config ]]; then
  i=0
  while IFS=, read -r id pw skill; do
    SETTINGS+=("Registrar__Agents__${i}__AgentId=$id" "Registrar__Agents__${i}__Password=$pw" "Registrar__Agents__${i}__Skills__${skill%%:*}=${skill##*:}")
    i=$((i + 1))
  done < agents.csv
fi
if [[ $EDGE == host ]]; then
  [[ -n ${HOST_DLL:-} ]] || dotnet build "$ROOT/src/Hotline.Silo" -c Release -v q -nologo >/dev/null
  SILO=("dotnet" "${HOST_DLL:-$ROOT/src/Hotline.Silo/bin/Release/net10.0/Hotline.Silo.dll}")
  SETTINGS+=(DataDir="$WORK/data" Storage__Provider=sqlite Http__Port=$HTTP_PORT Grpc__Port=$GRPC_PORT
    Cluster__SiloPort=$SILO_PORT Cluster__GatewayPort=$GATEWAY_PORT Logging__LogLevel__Default=Warning)
  if [[ $AGENT_SOURCE == cli && $AGENTS -gt 0 ]]; then
    env "${SETTINGS[@]}" "${SILO[@]}" agent import agents.csv > cli.log 2>&1 || { cat cli.log >&2; exit 1; }
  fi
  env "${SETTINGS[@]}" "${PROFILE_ENV[@]}" "${RT_PREFIX[@]}" "${SILO[@]}" --no-demo > host.log 2>&1 &
  HOST_PID=$!
  for _ in $(seq 300); do curl -fs "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null 2>&1 && break; kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.2; done
  curl -fs "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null 2>&1 || { echo "host did not come up:" >&2; tail -20 host.log >&2; exit 1; }
else
  RUNNER_DLL=${RUNNER:-$HERE/SipEdgeRunner/bin/Release/net10.0/SipEdgeRunner.dll}
  [[ -n ${RUNNER:-} ]] || dotnet build "$HERE/SipEdgeRunner" -c Release -v q -nologo >/dev/null
  mkfifo runner.stdin
  env "${SETTINGS[@]/#/HOTLINE_}" HOTLINE_Metrics__Port="$HTTP_PORT" "${PROFILE_ENV[@]}" "${RT_PREFIX[@]}" \
    dotnet "$RUNNER_DLL" "$SIP_PORT" "$(( AGENTS > 0 ? AGENTS : 1 ))" < runner.stdin > host.log 2>&1 &
  HOST_PID=$!
  exec 3>runner.stdin
  for _ in $(seq 300); do grep -q ready host.log 2>/dev/null && break; kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.2; done
  grep -q ready host.log || { echo "edge did not come up:" >&2; cat host.log >&2; exit 1; }
fi
for _ in $(seq 100); do ss -Hlun "sport = :$SIP_PORT" | grep -q . && break; sleep 0.1; done

# One line per second: time, host CPU ticks, host RSS (kB), CPU ticks of every sipp.
sample() {
  while kill -0 "$HOST_PID" 2>/dev/null; do
    local sipp_ticks=0 p
    for p in $(cat sipp.pids 2>/dev/null); do
      [[ -r /proc/$p/stat ]] && sipp_ticks=$((sipp_ticks + $(awk '{print $14 + $15}' "/proc/$p/stat")))
    done
    echo "$(date +%s.%N) $(awk '{print $14 + $15}' "/proc/$HOST_PID/stat") $(awk '/^VmRSS/ {print $2}' "/proc/$HOST_PID/status") $sipp_ticks"
    socket_drops >> socket-drops
    sleep 1
  done > samples
}
# UDP sockets that dropped datagrams (receive buffer full), from /proc/net/udp: "r|o inode drops", r for
# the relay's ports. Sockets close with their calls, so the sampler collects them while they live.
socket_drops() {
  awk -v lo="$MEDIA_MIN" -v hi="$MEDIA_MAX" '
    function hex(s,  i, v) { v = 0; for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1; return v }
    NR > 1 && $13 > 0 { split($2, a, ":"); port = hex(a[2]); print (port >= lo && port <= hi ? "r" : "o"), $10, $13 }' /proc/net/udp
}
touch sipp.pids socket-drops
sample &
SAMPLER_PID=$!
# Under SCHED_FIFO the sampler must not starve behind what it measures.
[[ ${RT:-0} == 1 ]] && chrt -f -p 11 "$SAMPLER_PID" >/dev/null
# Datagrams the kernel dropped because a socket's receive buffer was full (whole machine): RTP lost
# before the relay (or sipp) could read it, which the relay's own counters cannot see.
udp_drops() { awk '$1 == "Udp:" && !h {for (i = 2; i <= NF; i++) col[$i] = i; h = 1; next} $1 == "Udp:" {print $col["RcvbufErrors"]}' /proc/net/snmp; }
metrics() { curl -fs "http://127.0.0.1:$HTTP_PORT/metrics" || true; }

# --- agents ------------------------------------------------------------------------------------------
if [[ $AGENTS -gt 0 ]]; then
  per=$(( (AGENTS + AGENT_INSTANCES - 1) / AGENT_INSTANCES ))
  for ((k = 0; k < AGENT_INSTANCES; k++)); do
    { echo SEQUENTIAL; tail -n +$((k * per + 1)) agents.csv | head -n "$per" | awk -F, '{printf "%s;[authentication username=%s password=%s]\n", $1, $1, $2}'; } > "agents$k.csv"
    n=$(( $(wc -l < "agents$k.csv") - 1 ))
    "${RT_PREFIX[@]}" sipp "127.0.0.1:$SIP_PORT" -sf "$SCEN/agent-register.xml" -oocsf "$SCEN/agent-uas.xml" -inf "agents$k.csv" \
      -m "$n" -l "$n" -r 200 -i 127.0.0.1 -p $((16000 + SIPP_OFFSET + k)) -mi 127.0.0.1 -mp $((40000 + SIPP_OFFSET * 10 + k * 100)) \
      -nostdin -trace_stat -stf "agents$k.stat.csv" -fd 1 -trace_rtt -rtt_freq 1 -trace_err \
      -buff_size 4194304 -max_recv_loops 5000 -max_sched_loops 5000 > "agents$k.out" 2>&1 &
    SIPP_PIDS+=($!); echo $! >> sipp.pids
  done
  # Each completed registration is one line (after the header) of sipp's response-time file.
  registered() { awk 'FNR > 1' agent-register_*_rtt.csv 2>/dev/null | wc -l; }
  for _ in $(seq 600); do [[ $(registered) -ge $AGENTS ]] && break; sleep 0.1; done
  REGISTERED=$(registered)
  echo "agents registered: $REGISTERED/$AGENTS" >&2
  [[ $REGISTERED -ge $AGENTS ]] || { echo "not every agent registered; see $WORK/agents*.out" >&2; KEEP=1; exit 1; }
  sleep 1  # READY on register happens after the 200
fi

# --- callers -----------------------------------------------------------------------------------------
# Warm-up: a few seconds of short calls through the whole path so the JIT has compiled it before the
# measured run; counted nowhere (its own directory, and the host's counters are read after it).
if [[ $WARMUP -gt 0 ]]; then
  mkdir warmup && ln -s ../tone.alaw warmup/tone.alaw
  (cd warmup && "${RT_PREFIX[@]}" sipp "127.0.0.1:$SIP_PORT" -sf "$SCEN/caller-uac.xml" -s 12345 -d $((1000 * WARMUP_HOLD)) -r 20 -m $((20 * WARMUP)) \
    -i 127.0.0.1 -p $((17900 + SIPP_OFFSET)) -mi 127.0.0.1 -mp $((59000 + SIPP_OFFSET * 10)) -nostdin -timeout $((WARMUP + WARMUP_HOLD + 60))s > warmup.out 2>&1) || true
  for _ in $(seq 60); do
    [[ $(metrics | awk '$1 == "hotline_telephony_calls_active" {print $2}') =~ ^0?$ ]] && break
    sleep 0.5
  done
fi
metrics > metrics.before
UDP_DROPS0=$(udp_drops)
T0=$(date +%s.%N)
caller_pids=()
# sipp's cap on open calls is only a safety net: twice what rate × (hold + 5 s of setup) needs.
LIMIT=$(printf '%.0f' "$(echo "2 * $RATE * ($HOLD + 5) / $CALLERS + 100" | bc -l)")
for ((k = 0; k < CALLERS; k++)); do
  m=$(( CALLS / CALLERS + (k < CALLS % CALLERS ? 1 : 0) ))
  r=$(echo "$RATE / $CALLERS" | bc -l)
  "${RT_PREFIX[@]}" sipp "127.0.0.1:$SIP_PORT" -sf "$SCEN/caller-uac.xml" -s 12345 -d "$HOLD_MS" -r "$(printf '%.3f' "$r")" -m "$m" \
    -l "$LIMIT" -i 127.0.0.1 -p $((17000 + SIPP_OFFSET + k)) -mi 127.0.0.1 -mp $((50000 + SIPP_OFFSET * 10 + k * 100)) \
    -nostdin -trace_stat -stf "callers$k.stat.csv" -fd 1 -trace_rtt -rtt_freq 1 -trace_err \
    -timeout $(( SECONDS_OF_ARRIVALS + ${HOLD%.*} + 180 ))s -buff_size 4194304 -max_recv_loops 5000 -max_sched_loops 5000 \
    > "callers$k.out" 2>&1 &
  caller_pids+=($!); SIPP_PIDS+=($!); echo $! >> sipp.pids
done
# Relay delay probe: once every seat is taken, capture 1 in 32 RTP packets (by sequence number, so both
# copies of a packet, into and out of the relay, are caught) on lo for up to 15 s; relay-delay.py pairs them.
CAPTURE_SECONDS=$(( SECONDS_OF_ARRIVALS - ${HOLD%.*} - 3 < 15 ? SECONDS_OF_ARRIVALS - ${HOLD%.*} - 3 : 15 ))
if [[ $CAPTURE_SECONDS -ge 3 ]] && command -v tcpdump >/dev/null; then
  (sleep "$(echo "${HOLD} + 2" | bc -l)"
   exec "${RT_PREFIX[@]}" timeout -s INT "$CAPTURE_SECONDS" tcpdump -i lo -B 32768 -s 64 --time-stamp-precision=nano -w relay.pcap \
     "udp and portrange $MEDIA_MIN-$MEDIA_MAX and udp[8] & 0xc0 == 0x80 and udp[10:2] & 0x1f == 0") > tcpdump.log 2>&1 &
  CAPTURE_PID=$!
fi
# PROFILE=1: where the edge's CPU goes, sampled with perf (Debian linux-perf) for PROFILE_SECONDS (6) once arrivals are steady.
if [[ ${PROFILE:-0} == 1 ]]; then
  (sleep "$(echo "${HOLD} + 1" | bc -l)"
   # perf stays at normal priority even with RT=1: under SCHED_FIFO it spins on its buffers and starves the machine.
   exec perf record -e cpu-clock -F 499 -g -p "$HOST_PID" -o perf.data -- sleep "$PROFILE_SECONDS" > perf.log 2>&1) &
  PERF_PID=$!
fi
for p in "${caller_pids[@]}"; do wait "$p" || true; done
T1=$(date +%s.%N)
[[ -n ${CAPTURE_PID:-} ]] && { wait "$CAPTURE_PID" 2>/dev/null || true; }

# A call the host still holds once every caller has hung up is stuck: arrived minus ended, from the
# counters (the active-calls gauge is only refreshed on queue events). Up to 30 s to clear.
in_system() { metrics | awk '$1 == "hotline_telephony_calls_arrived_total" {a = $2} $1 == "hotline_telephony_calls_ended_total" {e = $2} END {print a - e}'; }
STUCK="n/a"
for _ in $(seq 60); do
  STUCK=$(in_system)
  [[ $STUCK == 0 ]] && break
  sleep 0.5
done
sleep 1
metrics > metrics.after
UDP_DROPS1=$(udp_drops)
kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
HWM=$(awk '/^VmHWM/ {print $2}' "/proc/$HOST_PID/status")

# --- report ------------------------------------------------------------------------------------------
# sipp statistics: the last line of each -trace_stat file, column looked up by name, summed over instances.
stat() {
  local total=0 f v
  for f in $1*.stat.csv; do
    v=$(awk -F';' -v c="$2" 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == c) col = i} END {print (col ? $col : 0) + 0}' "$f")
    total=$((total + v))
  done
  echo "$total"
}
# Prometheus counter (or gauge) after minus before; "n/a" when the host does not export it.
delta() {
  local a b
  a=$(awk -v n="$1" '$1 == n {print $2}' metrics.after)
  b=$(awk -v n="$1" '$1 == n {print $2}' metrics.before)
  # A counter appears with its first event; a host exporting telephony but not this counter counted none.
  [[ -z $a ]] && { grep -q '^hotline_telephony_' metrics.after && echo 0 || echo "n/a"; return; }
  printf '%.0f' "$(echo "$a - ${b:-0}" | bc -l)"
}
# Quantile of a Prometheus histogram (after minus before), interpolated inside the bucket, in ms.
hquantile() {
  awk -v n="$1_bucket" -v q="$2" '
    FNR == 1 { file++ }
    index($1, n "{") == 1 { match($1, /le="[^"]*"/); le = substr($1, RSTART + 4, RLENGTH - 5); c[le] += (file == 1 ? -1 : 1) * $2; if (file == 2 && !(le in seen)) { seen[le] = 1; order[++k] = le } }
    END {
      if (k == 0 || c["+Inf"] <= 0) { print "n/a"; exit }
      target = q * c["+Inf"]; lo = 0; prev = 0
      for (i = 1; i <= k; i++) {
        le = order[i]
        if (c[le] >= target) { if (le == "+Inf") { printf ">%.0f\n", lo * 1000; exit }
          printf "%.1f\n", 1000 * (lo + (le - lo) * (target - prev) / (c[le] - prev > 0 ? c[le] - prev : 1)); exit }
        lo = le; prev = c[le]
      }
    }' metrics.before metrics.after
}
# Exact quantile of sipp's per-call times (ms resolution): INVITE->200 of callers, or with a second
# argument the agents' registrations (first REGISTER to 200, through the 401 challenge).
setup_quantile() {
  cat ${2:-caller-uac}_*_rtt.csv 2>/dev/null | awk -F';' 'NR > 0 && $2 ~ /^[0-9.]+$/ {print $2}' | sort -n |
    awk -v q="$1" '{v[NR] = $1} END {if (NR == 0) {print "n/a"; exit} i = int(q * NR + 0.999999); if (i < 1) i = 1; print v[i]}'
}
cpu_window() { # from to (epoch s): host CPU % of the machine, sipp CPU % of the machine
  awk -v a="$1" -v b="$2" -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" '
    $1 >= a && $1 <= b { if (!n++) { t0 = $1; h0 = $2; s0 = $4 } t1 = $1; h1 = $2; s1 = $4 }
    END { if (n < 2 || t1 <= t0) { print "n/a n/a"; exit } printf "%.1f %.1f\n", 100 * (h1 - h0) / hz / (t1 - t0) / cores, 100 * (s1 - s0) / hz / (t1 - t0) / cores }' samples
}
cpu_seconds() { # from to (epoch s): host CPU seconds spent in the window
  awk -v a="$1" -v b="$2" -v hz="$(getconf CLK_TCK)" '
    $1 >= a && $1 <= b { if (!n++) h0 = $2; h1 = $2 } END { printf "%.2f\n", n < 2 ? 0 : (h1 - h0) / hz }' samples
}
cpu_peak() { # host CPU % of the machine, highest 5 s window in [from, to]
  awk -v a="$1" -v b="$2" -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" '
    $1 >= a && $1 <= b { t[++n] = $1; h[n] = $2 }
    END { best = -1; for (i = 1; i + 5 <= n; i++) { v = 100 * (h[i + 5] - h[i]) / hz / (t[i + 5] - t[i]) / cores; if (v > best) best = v } if (best < 0) print "n/a"; else printf "%.1f\n", best }' samples
}

ATTEMPTED=$(stat callers "OutgoingCall(C)")
[[ $ATTEMPTED -gt 0 ]] || { echo "the caller sipp made no call:" >&2; tail -5 callers0.out >&2; }
SUCCEEDED=$(stat callers "SuccessfulCall(C)")
FAILED=$(stat callers "FailedCall(C)")
UNEXPECTED=$(stat callers "FailedUnexpectedMessage(C)")
RETRANS=$(stat callers "FailedMaxUDPRetrans(C)")
ELAPSED=$(echo "$T1 - $T0" | bc -l)
# Steady state: every seat taken (ramp = hold) until arrivals stop; whole run if that window is empty.
S0=$(echo "$T0 + $HOLD + 2" | bc -l) S1=$(echo "$T0 + $SECONDS_OF_ARRIVALS" | bc -l)
if (( $(echo "$S1 - $S0 < 5" | bc -l) )); then S0=$T0 S1=$T1; fi
read -r CPU_STEADY SIPP_STEADY <<<"$(cpu_window "$S0" "$S1")"
CPU_PEAK=$(cpu_peak "$T0" "$T1")
RSS_STEADY=$(awk -v a="$S0" -v b="$S1" '$1 >= a && $1 <= b && $3 > m {m = $3} END {printf "%.0f", m / 1024}' samples)
RX=$(delta hotline_telephony_rtp_packets_received_total)
FWD=$(delta hotline_telephony_rtp_packets_forwarded_total)
FWD_PCT="n/a"; [[ $RX != n/a && $RX -gt 0 ]] && FWD_PCT=$(printf '%.3f%%' "$(echo "100 * $FWD / $RX" | bc -l)")


# CPU cost per unit of work: far less sensitive to the other load on a shared machine than throughput.
# Every call of the run starts and ends between T0 and T1 (+ the drain), so their CPU is all in that window.
CPU_RUN=$(cpu_seconds "$T0" "$(echo "$T1 + 2" | bc -l)")
HELD=$(delta hotline_telephony_rtp_packets_held_total)
PACKETS=$(( ${RX/n\/a/0} + ${HELD/n\/a/0} ))
CPU_PER_CALL="n/a"; [[ $ATTEMPTED -gt 0 ]] && CPU_PER_CALL=$(printf '%.2f' "$(echo "1000 * $CPU_RUN / $ATTEMPTED" | bc -l)")
CPU_PER_PACKET="n/a"; [[ $PACKETS -gt 0 ]] && CPU_PER_PACKET=$(printf '%.2f' "$(echo "1000000 * $CPU_RUN / $PACKETS" | bc -l)")

row() { printf '%-52s %s\n' "$1" "$2"; }
echo
row "edge" "$EDGE (agents from $AGENT_SOURCE)"
row "agents / extra waiting callers" "$AGENTS / $WAITING"
row "arrival rate (calls/s) × seconds" "$RATE × $SECONDS_OF_ARRIVALS  ($CALLERS sipp caller process(es))"
row "caller hold (s)" "$HOLD"
row "calls attempted (sipp)" "$ATTEMPTED"
row "calls completed / failed (sipp)" "$SUCCEEDED / $FAILED  (unexpected msg $UNEXPECTED, max retrans $RETRANS)"
row "achieved arrival rate (calls/s)" "$(printf '%.1f' "$(echo "$ATTEMPTED / ($ELAPSED - $HOLD)" | bc -l 2>/dev/null || echo 0)")"
row "INVITE->200 at caller p50 / p99 / max (ms)" "$(setup_quantile 0.5) / $(setup_quantile 0.99) / $(setup_quantile 1)"
[[ $AGENTS -gt 0 ]] && row "agent REGISTER->200 with digest p50 / p99 (ms)" "$(setup_quantile 0.5 agent-register) / $(setup_quantile 0.99 agent-register)"
row "calls arrived / answered by agent (host)" "$(delta hotline_telephony_calls_arrived_total) / $(delta hotline_telephony_calls_answered_total)"
row "calls abandoned / ended (host)" "$(delta hotline_telephony_calls_abandoned_total) / $(delta hotline_telephony_calls_ended_total)"
row "calls still in the host after callers left" "$STUCK"
row "arrival->agent answer p50 / p99 (ms, host)" "$(hquantile hotline_telephony_call_setup_seconds 0.5) / $(hquantile hotline_telephony_call_setup_seconds 0.99)"
row "agent ring p50 / p99 (ms, host)" "$(hquantile hotline_telephony_agent_ring_seconds 0.5) / $(hquantile hotline_telephony_agent_ring_seconds 0.99)"
row "RTP received / forwarded / dropped (host)" "$RX / $FWD / $(delta hotline_telephony_rtp_packets_dropped_total)  (held $(delta hotline_telephony_rtp_packets_held_total))"
row "RTP forwarding" "$FWD_PCT"
DELAY="n/a (needs tcpdump and arrivals lasting hold + 6 s)"
[[ -s relay.pcap ]] && DELAY=$(python3 "$HERE/relay-delay.py" relay.pcap "$MEDIA_MIN" "$MEDIA_MAX" |
  awk '{for (i = 1; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]} printf "%s / %s / %s / %s  (%s packet pairs)", v["delay_p50_ms"], v["delay_p99_ms"], v["jitter_p99_ms"], v["jitter_max_ms"], v["pairs"]}')
row "relay delay p50 / p99, added jitter p99 / max (ms)" "$DELAY"
socket_drops >> socket-drops
drops_of() { awk -v k="$1" '$1 == k && $3 > m[$2] {m[$2] = $3} END {for (i in m) s += m[i]; print s + 0}' socket-drops; }
row "UDP drops: relay sockets / sipp / machine" "$(drops_of r) / $(drops_of o) / $(( UDP_DROPS1 - UDP_DROPS0 ))"
row "host CPU steady / peak 5 s (% of $(nproc) cores)" "$CPU_STEADY / $CPU_PEAK"
row "sipp CPU steady (% of $(nproc) cores)" "$SIPP_STEADY"
row "host CPU per call, whole run (ms)" "$CPU_PER_CALL  ($CPU_RUN s of CPU for $ATTEMPTED calls)"
# The same cost as a share of the machine at the offered rate: CPU seconds per second of load ÷ cores, which
# the other load on the machine moves far less than the sampled steady-state share above.
CPU_AT_RATE="n/a"; [[ $CPU_PER_CALL != n/a ]] && CPU_AT_RATE=$(printf '%.1f' "$(echo "$CPU_PER_CALL * $RATE / 10 / $(nproc)" | bc -l)")
row "host CPU per call × rate ÷ cores (% of $(nproc) cores)" "$CPU_AT_RATE"
row "host CPU per RTP packet received (µs, all work)" "$CPU_PER_PACKET  ($PACKETS packets, prompts' held ones included)"
row "host RSS steady max / peak (MB)" "$RSS_STEADY / $(printf '%.0f' "$(echo "${HWM:-0} / 1024" | bc -l)")"
row "load average at end / SCHED_FIFO" "$LOAD / ${RT:-0}"
if [[ -n ${PERF_PID:-} ]]; then
  wait "$PERF_PID" 2>/dev/null || true
  echo
  echo "where the edge's CPU went (perf, $PROFILE_SECONDS s of steady arrivals; self time, share of the process's samples):"
  perf report -i perf.data --no-children -g none --sort comm --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -10
  perf report -i perf.data --no-children -g none --sort dso --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -6
  perf report -i perf.data --no-children -g none --sort sym --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -25
fi
