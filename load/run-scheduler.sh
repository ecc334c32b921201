#!/usr/bin/env bash
# Scheduler benchmark: 100,000 open tickets of which 10,000 cross a deadline threshold within one minute,
# on SQLite and then on PostgreSQL (a throwaway cluster from tests/postgres.sh, or HOTLINE_TEST_PG).
#   load/run-scheduler.sh [--tickets 100000] [--crossing 10000] [--window 60] [--interval 0.5]
#                         [--providers sqlite,postgres] [--no-build]
# Builds Hotline.Load (Release), runs `Hotline.Load scheduler` and prints its table. Bounded: each provider
# stops at the window plus three minutes even when alarms are missing (then the exit code is 1).
set -euo pipefail

BUILD=1
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --tickets|--crossing|--window|--interval|--providers|--pg) ARGS+=("$1" "$2"); shift 2 ;;
    *) sed -n '2,7p' "$0" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
if [ "$BUILD" = 1 ]; then
  dotnet build load/Hotline.Load -c Release -v quiet -nologo >&2
fi
exec dotnet load/Hotline.Load/bin/Release/net10.0/Hotline.Load.dll scheduler "${ARGS[@]}"
