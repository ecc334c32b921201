#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the Debian packages the tests need when missing,
# starts a throwaway PostgreSQL (tests/postgres.sh) and stops it on exit, runs every test project of
# Hotline.sln, and ends with "N passed, N failed". Extra arguments go to `dotnet test`
# (e.g. tests/run.sh --filter FullyQualifiedName~Grains).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(baresip-core chromium chromium-driver postgresql python3-grpcio python3-grpc-tools python3-protobuf sip-tester)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# The host's build runs npm ci for the reports page's charts (echarts); any nodejs that brings npm will do.
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "run.sh: installing ${missing[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

if [ -x tests/postgres.sh ]; then
  eval "$(tests/postgres.sh start)"
  trap 'tests/postgres.sh stop "$HOTLINE_PG_DIR" >/dev/null 2>&1 || true' EXIT
  echo "run.sh: throwaway PostgreSQL at $HOTLINE_TEST_PG" >&2
else
  echo "run.sh: tests/postgres.sh not found; the PostgreSQL fixture will start its own cluster" >&2
fi

log=$(mktemp /tmp/hotline-test.XXXXXX)
status=0
# A hung test is dumped and killed long before the 30-minute budget.
dotnet test Hotline.sln --nologo --blame-hang-timeout 10m "$@" 2>&1 | tee "$log" || status=$?

# One summary line per test project: "Passed!  - Failed:     0, Passed:    48, Skipped: …".
passed=$(grep -oE 'Passed: +[0-9]+, Skipped' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+, Passed' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
rm -f "$log"
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
