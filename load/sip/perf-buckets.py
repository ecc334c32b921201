#!/usr/bin/env python3
"""Where a process's CPU went, by job: reads `perf script` output (samples with call stacks) and puts each
sample in the first bucket whose rule matches its thread name or any frame of its stack, in the order below.
Prints one line per bucket: share of the samples and, given the run's host CPU per call (call-load.sh prints
it), that share of it in ms per call.

    perf script -i perf.data | python3 perf-buckets.py [host-cpu-ms-per-call]
"""
import re
import sys

# (bucket, thread-name pattern or None, frame pattern or None); the first rule that matches wins.
RULES = [
    ("relay threads (epoll: receive, forward, record tap)", r"^rtp-relay", None),
    ("recording writer (drain: decode, interleave, write)", r"^recording-drain", None),
    ("JIT (tiered compilation)", r"Tiered Com", r"libclrjit"),
    ("GC", r"GC|BGC", r"GarbageCollect|gc_heap|WKS::|SVR::"),
    ("dashboard metrics (OpenTelemetry reader, 1/s)", r"OpenTelemetry", r"\[OpenTelemetry\]"),
    ("wallboard reports", None, r"Wallboard|AcdSnapshots"),
    ("agent state history (grain + SQLite)", None, r"AgentStateWriter|AgentGrain|SqlAgentStateLog|AgentStateAuthority"),
    ("call records, callbacks (SQLite)", None, r"CallRecordKeeper|SqlCallDetailRecordStore|SqlCallbackRequestStore"),
    ("prompts to waiting callers (frame clock)", None, r"FrameClock|PromptPlayer"),
    ("SIP (transport, parse, transactions, edge)", None, r"Hotline\.Telephony\.(Sip|Edge|Registrar|B2bua)\."),
    ("call centre, ACD, IVR", None, r"Hotline\.Telephony\.(Calls|Acd|Ivr)\."),
    ("relay set-up, recording set-up", None, r"Hotline\.Telephony\.Media\."),
    ("/metrics, HTTP", None, r"Kestrel|AspNetCore|PrometheusExporter"),
    ("Orleans (other)", None, r"\[Orleans"),
    ("timers (other)", None, r"TimerQueue"),
]

def bucket(thread, frames):
    for name, thread_rule, frame_rule in RULES:
        if thread_rule and re.search(thread_rule, thread):
            return name
        if frame_rule and any(re.search(frame_rule, f) for f in frames):
            return name
    return "other (thread pool, kernel, runtime, unresolved)"

def samples(lines):
    thread, frames = None, []
    for line in lines:
        if not line.strip():
            if thread is not None:
                yield thread, frames
            thread, frames = None, []
        elif not line[0].isspace():
            # "comm  pid/tid  time: ...": the thread name may contain spaces; it ends before the pid.
            m = re.match(r"^(.*?)\s+\d+(/\d+)?\s", line)
            thread, frames = (m.group(1) if m else line.split()[0]), []
        else:
            frames.append(line.strip())
    if thread is not None:
        yield thread, frames

counts = {}
total = 0
for thread, frames in samples(sys.stdin):
    b = bucket(thread, frames)
    counts[b] = counts.get(b, 0) + 1
    total += 1
per_call = float(sys.argv[1]) if len(sys.argv) > 1 else None
for name, n in sorted(counts.items(), key=lambda kv: -kv[1]):
    extra = f"  {per_call * n / total:6.2f} ms/call" if per_call else ""
    print(f"{100 * n / total:6.1f} %  {name}{extra}")
print(f"{total} samples")
