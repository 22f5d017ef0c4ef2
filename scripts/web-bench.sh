#!/usr/bin/env bash
# The web page's benchmark (docs/web.md, BENCHMARKS.md): a real headless Chromium against a running server.
#   ./riskgraph serve --store STORE --port 18080 &
#   KEY=$(./riskgraph keys create --role investigator --name web-bench --store STORE | head -1)
#   KEY=... scripts/web-bench.sh CITY_DIR [FIRMS] [WARMUP]          (run it through /work/bin/mvn-slot on a shared machine)
# Env: PORT (18080), KEY (required; investigator or above: the hub list is read with /cypher).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
: "${KEY:?set KEY to an investigator API key}"
PORT="${PORT:-18080}"
CP_FILE="$ROOT/api/target/web-bench.cp"
if [ ! -s "$CP_FILE" ]; then
  (cd "$ROOT" && mvn -q -B -pl api -am -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile=target/web-bench.cp -Dmdep.includeScope=test >&2)
fi
JAVA="${RISKGRAPH_JAVA:-$(ls -d /usr/lib/jvm/*/bin/java | sort -V | tail -1)}"
exec "$JAVA" -cp "$(cat "$CP_FILE")" "$ROOT/scripts/WebBench.java" "http://127.0.0.1:$PORT" "$KEY" "$@"
