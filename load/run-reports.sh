#!/usr/bin/env bash
# The reports benchmark on PostgreSQL: starts a throwaway cluster (tests/postgres.sh), runs
#   dotnet run -c Release --project load/Hotline.Load -- reports --storage postgres --connection … [your arguments]
# and stops the cluster afterwards. Example: load/run-reports.sh --scale 0.1 --fill month
# (without --storage the same command benchmarks SQLite: dotnet run -c Release --project load/Hotline.Load -- reports)
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(tests/postgres.sh start)"
trap 'tests/postgres.sh stop "$HOTLINE_PG_DIR"' EXIT
dotnet run -c Release --project load/Hotline.Load -- reports --storage postgres --connection "$HOTLINE_TEST_PG" "$@"
