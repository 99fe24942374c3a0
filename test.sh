#!/usr/bin/env bash
# Runs every Kith test. Installs what the tests need when it is missing (scripts/ensure-deps.sh).
# Ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
scripts/ensure-deps.sh || exit 1
mkdir -p artifacts
log=artifacts/test.log
dotnet test --solution Kith.slnx -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Microsoft.Testing.Platform prints per-run totals; sum every "total/failed" block (one per dotnet test run).
failed=$(awk '/^  failed: /{s+=$2} END{print s+0}' "$log")
passed=$(awk '/^  succeeded: /{s+=$2} END{print s+0}' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build failed or a test host crashed: count that as a failure so CI cannot read it as green.
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
