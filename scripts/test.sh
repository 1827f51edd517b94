#!/usr/bin/env bash
# The one test command: builds the solution and runs every test project against a private PostgreSQL
# server and a private S3 server, s3rver (both started here, always stopped on exit). dotnet test's own
# output stays visible; the last line is the sum over all test projects, for CI: "N passed, N failed,
# N skipped". Exits non-zero if any test failed or dotnet test itself failed (a build error counts as
# one failure).
set -euo pipefail

cd "$(dirname "$0")/.."
source scripts/lib/common.sh
source scripts/lib/postgres.sh
source scripts/lib/s3rver.sh
source scripts/lib/media.sh

ensure_dotnet
ensure_media_testing

# Each test project writes its TRX to its own TestResults/ (dotnet test's default): names carry only
# a timestamp to the second, so projects sharing one results directory could overwrite each other.
# Results of earlier runs are removed first so that only this run is counted.
find . -path ./.git -prune -o -type d -name TestResults -prune -exec rm -rf {} +

trap 'postgres_stop; s3rver_stop' EXIT
postgres_start
s3rver_start

status=0
dotnet test Instagram.sln -c Release --logger trx || status=$?

postgres_stop
s3rver_stop

mapfile -t results < <(find . -path ./.git -prune -o -path '*/TestResults/*.trx' -type f -print)

# Counters carries passed and the failure kinds; xunit's skipped tests appear only as results with
# outcome NotExecuted (the notExecuted counter stays 0).
counter() { { grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+'; } || echo 0; }
not_executed() { { grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$1" || true; } | wc -l; }
passed=0 failed=0 skipped=0
for trx in "${results[@]}"; do
  passed=$((passed + $(counter "$trx" passed)))
  for kind in failed error timeout aborted; do
    failed=$((failed + $(counter "$trx" "$kind")))
  done
  skipped=$((skipped + $(not_executed "$trx")))
done

# A failure no test reports (build error, crashed test host, no results at all) still counts as one.
if [ ${#results[@]} -eq 0 ]; then
  log "no test results were written (exit $status): the build or the test run failed before any test"
  failed=$((failed + 1))
  status=1
elif [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  log "dotnet test failed (exit $status) outside any test: a build error or a crashed test host"
  failed=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
