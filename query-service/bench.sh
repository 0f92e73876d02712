#!/usr/bin/env bash
# Query API benchmark tools (not part of the test suite; see docs/BENCHMARKS.md "Query API").
#   query-service/bench.sh load  --jdbc URL --user U --password P [--documents 100000] [--concepts 100000]
#                                [--corpora ../../shared/corpora] [--vocab litgraph-vocab.bin]
#   query-service/bench.sh drive --url http://localhost:8083 [--rate 200] [--seconds 30] [--warmup 5]
#                                [--workers 8] [--endpoints autocomplete,concept,neighbors,paths]
# Both run in their own JVM, separate from the query-service under test.
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:?usage: bench.sh load|drive [options]}
shift
case "$mode" in
  load) main=io.litgraph.query.bench.BenchLoader ;;
  drive) main=io.litgraph.query.bench.QueryLoadDriver ;;
  *) echo "usage: bench.sh load|drive [options]" >&2; exit 2 ;;
esac
(cd .. && mvn -q -o -pl query-service test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath)
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"
