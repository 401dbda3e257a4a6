#!/usr/bin/env bash
# The callback load harness, one command from a fresh clone (see docs/modules/ROOT/pages/benchmarks.adoc):
#   benchmarks/callback-load/run.sh [harness options]
# Builds the extension, the applications under load and the driver in their own reactor (nothing is installed into
# the local Maven repository), then runs the driver. With two or more CPUs, the applications run on CPU 0 and the
# driver on the others, so that the load generator does not compete with what it measures.
set -euo pipefail
cd "$(dirname "$0")/../.."

. benchmarks/newest-jdk.sh

if [ -z "${SKIP_BUILD:-}" ]; then
    ./mvnw -B -q ${MAVEN_ARGS:-} -f benchmarks/callback-load/pom.xml package -DskipTests
fi

driver=(-Xms3g -Xmx3g -jar benchmarks/callback-load/driver/target/callback-load.jar --base benchmarks/callback-load)
cpus=$(nproc)
if command -v taskset >/dev/null && [ "$cpus" -ge 2 ]; then
    exec taskset -c "1-$((cpus - 1))" "$java" "${driver[@]}" --server-cpus 0 "$@"
fi
exec "$java" "${driver[@]}" --no-pin "$@"
