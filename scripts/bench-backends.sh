#!/usr/bin/env bash
# Neo4j and the embedded Gremlin Server side by side over their remote code paths (Bolt; gremlin-driver over
# WebSocket, the same code as a remote Gremlin Server), RUNS times on fresh stores: the online load of a generated
# city through the production Ingestor (rows/s of the node files and of the relationship files) and the projection
# read (every node id and relationship streamed, elements/s); medians at the end. Harness:
# bench/src/main/java/io/riskgraph/bench/BackendBench.java. Not part of the test suite; run on a quiet machine.
#   scripts/bench-backends.sh [ENTERPRISES] [RUNS] [backends=neo4j,gremlin]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-20000}"; RUNS="${2:-3}"; shift $(( $# > 2 ? 2 : $# )) || true
WORK="${BENCH_DIR:-$ROOT/target/bench-backends}"
JDK="${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -f "$ROOT/api/target/riskgraph-api.jar" ] || (cd "$ROOT" && mvn -q -B -DskipTests package -pl api -am)
mkdir -p "$WORK/classes"
CITY="$WORK/city-$N"
[ -f "$CITY/enterprises.csv" ] || "$ROOT/riskgraph" generate --enterprises "$N" --seed 1 --out "$CITY" --force >/dev/null 2>&1
"$JDK/bin/javac" -nowarn -d "$WORK/classes" -cp "$ROOT/api/target/lib/*" \
  "$ROOT/bench/src/main/java/io/riskgraph/bench/BackendBench.java" \
  "$ROOT/bench/src/main/java/io/riskgraph/bench/Timing.java" 2>&1 | grep -v '^Note:' || true
echo "machine: $(nproc) vCPU $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB; uptime before: $(uptime)"
"$JDK/bin/java" -Xmx8g ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-modules jdk.incubator.vector \
  -cp "$WORK/classes:$ROOT/api/target/lib/*" io.riskgraph.bench.BackendBench "$CITY" "$WORK/stores" "runs=$RUNS" "$@" 2>&1 \
  | grep -v -E "^WARNING|^\[|SLF4J" || true
echo "uptime after: $(uptime)"
