#!/usr/bin/env bash
# Fuzz every @FuzzTest target with Jazzer for DURATION each (default 5m): mvn -Pfuzz, one target per run.
# Usage: scripts/fuzz.sh [DURATION]   e.g. scripts/fuzz.sh 30s
# MVN overrides the Maven command (e.g. MVN="/work/bin/mvn-slot mvn"). A finding fails the run and leaves a
# crash-* file in the module's src/test/resources/.../<Class>Inputs/<method>/: fix the code, keep the file, and it
# runs in every default build from then on. Exit status: the number of targets that failed.
set -u
cd "$(dirname "$0")/.."
DURATION="${1:-5m}"
MVN="${MVN:-mvn}"
TARGETS=(
  "graph-model IdFuzzTest#uscc"
  "graph-model IdFuzzTest#residentId"
  "ingest RowsFuzzTest#readValidateAndMap"
  "cypher CypherGuardFuzzTest#checkText"
  "api ApiInputFuzzTest#jsonBody"
  "api ApiInputFuzzTest#inspectionCode"
  "api ModelFileFuzzTest#gradingModelFile"
  "api LearnedModelFuzzTest#loadModelFolder"
)
failed=0
for t in "${TARGETS[@]}"; do
  module="${t%% *}"; test="${t#* }"
  log="target/fuzz-${test//#/-}.log"
  mkdir -p target
  echo "fuzzing $test ($module) for $DURATION ..."
  if $MVN -B -ntp -Pfuzz -Dfuzz.duration="$DURATION" -pl "$module" -am test -Dtest="$test" \
      -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1; then
    echo "  $(grep -E '^Done [0-9]+ runs' "$log" | tail -1) ; no finding"
  else
    echo "  FAILED: see $log"; failed=$((failed + 1))
  fi
done
rm -rf */.cifuzz-corpus
exit "$failed"
