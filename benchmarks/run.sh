#!/usr/bin/env bash
# Every side-by-side comparison of issue "Performance, side by side", one command from a fresh clone
# (see docs/modules/ROOT/pages/benchmarks.adoc):
#   benchmarks/run.sh                 everything: client vs SDK, CRC-64, callback receivers, start-up
#   benchmarks/run.sh client|callback one of the two harnesses
# Builds what it runs (nothing is installed into the local Maven repository), runs the two harnesses one after the
# other so that they never compete for the CPUs, prints the merged ratio table and exits with 1 if a row with a
# target fails. Never part of ./mvnw verify. Results go to benchmarks/target/results-<time>.txt as well.
set -euo pipefail
cd "$(dirname "$0")/.."

. benchmarks/newest-jdk.sh
what="${1:-all}"
case "$what" in all | client | callback) ;; *) echo "usage: benchmarks/run.sh [all|client|callback]" >&2; exit 2 ;; esac

mkdir -p benchmarks/target
results="benchmarks/target/results-$(date -u +%Y%m%dT%H%M%SZ).txt"
: >"$results"
status=0

if [ "$what" != callback ]; then
    echo "# building the emulator, the extension and the client harness" >&2
    ./mvnw -B -q ${MAVEN_ARGS:-} package -pl emulator,runtime,deployment,benchmarks -DskipTests
    echo "# client harness: OssClient vs the official SDK, CRC-64 (about 4 minutes)" >&2
    "$java" -cp benchmarks/target/benchmarks.jar io.quarkiverse.alioss.benchmarks.harness.ClientVsSdkHarness \
        | tee -a "$results" || status=1
fi
if [ "$what" != client ]; then
    echo "# callback harness: receivers under load, start-up with 1 and 200 methods (about 8 minutes)" >&2
    benchmarks/callback-load/run.sh 2>&1 | tee -a "$results" || status=1
fi

echo
echo "Ratio table ($(date -u +%Y-%m-%d), $(nproc) CPUs, $("$java" -version 2>&1 | head -1)):"
grep '^RATIO|' "$results" | awk -F'|' '{ printf "%-4s %6s  target %-6s  %s\n", $5, $3, $4, $2 }'
echo "(details of every row: $results)"
if grep -q '^RATIO|[^|]*|[^|]*|[^|]*|FAIL|' "$results"; then
    status=1
fi
exit $status
