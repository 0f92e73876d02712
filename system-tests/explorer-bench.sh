#!/usr/bin/env bash
# Explorer page timings in headless Chromium (not part of the test suite; see docs/BENCHMARKS.md "Explorer").
#   system-tests/explorer-bench.sh --url http://127.0.0.1:8083 [--runs 7] [--q insulin] [--screenshots DIR]
#                                [--views search,concept,document,path,status]
# Needs Debian's chromium and chromium-driver; runs in its own JVM against any running query-service.
set -euo pipefail
cd "$(dirname "$0")"
(cd .. && mvn -q -o -pl system-tests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath)
exec java -cp "target/test-classes:$(cat target/bench.classpath)" io.litgraph.systemtests.bench.ExplorerTimings "$@"
