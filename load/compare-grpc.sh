#!/usr/bin/env bash
# The gRPC ticket lifecycle on SQLite: this tree against another revision, in one run.
#   load/compare-grpc.sh [--base main] [--seconds 20] [--warmup 10] [--clients 64] [--rounds 2]
# Checks the base revision out into a temporary git worktree, builds both in Release, then runs
# load/run-grpc.sh --providers sqlite alternately (base, this, base, this, …) so both see the same
# machine, and prints every round's line and the ratio this/base of the mean durable transitions/s
# and of the mean p99, with the server's CPU per durable transition (the figure a busy machine moves least).
# Each tree runs its own host and its own load client (load/ is the same code).
set -euo pipefail

BASE=main
SECONDS_PER_RUN=20
WARMUP=10
CLIENTS=64
ROUNDS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --base) BASE="$2"; shift 2 ;;
    --seconds) SECONDS_PER_RUN="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    *) sed -n '2,8p' "$0" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE_TREE="$(mktemp -d /tmp/hotline-compare-base.XXXXXX)"
RESULTS="$(mktemp /tmp/hotline-compare.XXXXXX)"
cleanup() {
  git -C "$ROOT" worktree remove --force "$BASE_TREE" >/dev/null 2>&1 || rm -rf "$BASE_TREE"
  rm -f "$RESULTS"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

git -C "$ROOT" worktree add --detach "$BASE_TREE" "$BASE" >/dev/null 2>&1
echo "base $BASE = $(git -C "$BASE_TREE" rev-parse --short HEAD), this = $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo '+changes')" >&2
for tree in "$BASE_TREE" "$ROOT"; do
  echo "building $tree (Release)…" >&2
  dotnet build -c Release -nologo -v q "$tree/src/Hotline.Silo" >&2
  dotnet build -c Release -nologo -v q "$tree/load/Hotline.Load" >&2
done

for round in $(seq 1 "$ROUNDS"); do
  for side in base this; do
    tree="$ROOT"; [ "$side" = base ] && tree="$BASE_TREE"
    out="$("$tree/load/run-grpc.sh" --no-build --providers sqlite --clients "$CLIENTS" \
      --seconds "$SECONDS_PER_RUN" --warmup "$WARMUP")"
    line="$(grep 'durable transitions/s' <<<"$out" | tail -1)"
    # Server CPU per durable transition: what a busy shared machine moves least (absent from older load clients).
    cpu="$(grep -o 'CPU per transition: server [0-9]* µs' <<<"$out" | tail -1 | grep -o '[0-9]*' || true)"
    echo "round $round $side (load average $(cut -d' ' -f1-3 /proc/loadavg)): $line; server CPU ${cpu:-n/a} µs per transition"
    echo "$side $line cpu ${cpu:-0}" >>"$RESULTS"
  done
done

echo
echo "==== gRPC lifecycle, SQLite, $CLIENTS clients: this tree against $BASE, $ROUNDS round(s) ===="
awk '
  { side = $1; p = ""; c = 0
    for (i = 1; i <= NF; i++) { if ($i == "transitions/s:") { t = $(i + 1); sub(",", "", t) } if ($i == "p99" && p == "") { p = $(i + 1) } if ($i == "cpu") { c = $(i + 1) } }
    n[side]++; tps[side] += t; p99[side] += p; if (c > 0) { nc[side]++; cpu[side] += c } }
  END {
    for (s in n) printf "%-5s mean durable transitions/s %8.0f   mean p99 %7.2f ms   mean server CPU %s µs per transition\n", s, tps[s] / n[s], p99[s] / n[s], nc[s] ? sprintf("%.0f", cpu[s] / nc[s]) : "n/a"
    if (n["base"] && n["this"]) printf "ratio this/base: transitions/s %.2f, p99 %.2f (aim: >= 1.0 and p99 no worse)\n",
      (tps["this"] / n["this"]) / (tps["base"] / n["base"]), (p99["this"] / n["this"]) / (p99["base"] / n["base"])
  }' "$RESULTS"
