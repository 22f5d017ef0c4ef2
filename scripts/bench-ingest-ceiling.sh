#!/usr/bin/env bash
# The write ceiling of the embedded server over Bolt: ready-made batches of N rows per scenario (nodes with 0 or 11
# properties and 0, 1 or 5 indexes; relationships by key or by node id), no reading, validation or mapping; the proc-*
# scenarios send each batch to a server-side write procedure (BenchWriteProcedures) instead of a Cypher statement.
# Prints wall time, rows/s and process CPU seconds per scenario. Not part of the test suite.
#   scripts/bench-ingest-ceiling.sh [N] [BATCH] [scenario ...]     (server settings: -Dneo4j.KEY=VALUE in JAVA_OPTS)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-100000}"; BATCH="${2:-10000}"; shift $(( $# > 2 ? 2 : $# )) || true
WORK="${BENCH_DIR:-$ROOT/target/bench-ingest-ceiling}"
JDK="${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -f "$ROOT/api/target/riskgraph-api.jar" ] || (cd "$ROOT" && mvn -q -B -DskipTests package -pl api -am)
mkdir -p "$WORK/classes"
"$JDK/bin/javac" -nowarn -d "$WORK/classes" -cp "$ROOT/api/target/lib/*" \
  "$ROOT/bench/src/main/java/io/riskgraph/bench/IngestCeilingBench.java" \
  "$ROOT/bench/src/main/java/io/riskgraph/bench/BenchWriteProcedures.java" 2>&1 | grep -v '^Note:' || true
rm -rf "$WORK/store"
exec "$JDK/bin/java" -Xmx4g ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -XX:+UseParallelGC -cp "$WORK/classes:$ROOT/api/target/lib/*" io.riskgraph.bench.IngestCeilingBench "$WORK/store" \
  "$N" "$BATCH" "$@"
