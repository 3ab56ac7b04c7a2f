#!/usr/bin/env bash
# A long pass of every property test, on demand; CI runs each with the short counts written in the
# tests (docs/TESTING.md, "Long fuzz pass"). Release build, so a million cases take minutes, not hours.
#   scripts/fuzz.sh [CASES]      CASES per property, default 1000000
# The facet-count property explores the whole dataset per case, so it runs CASES / 10 cases.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${1:-1000000}
. scripts/env.sh

run() {
  local name=$1 cases=$2
  shift 2
  local start=$SECONDS
  echo "== $name: $cases cases per property"
  PROPTEST_CASES=$cases cargo test --release --locked -q "$@"
  echo "== $name: passed in $((SECONDS - start)) s"
}

run "dataset loader (arbitrary and JSON-shaped text)" "$CASES" -p plan-core --test validate
run "CSV/TSV importer (arbitrary text, any value, any year)" "$CASES" -p plan-core --test import
run "URL query parser (no panic, round trip)" "$CASES" -p plan-core --lib query::
run "kept in the browser (stored text, merge, backup)" "$CASES" -p plan-core --lib local::
run "facet counts" "$((CASES / 10 > 0 ? CASES / 10 : 1))" -p plan-data --test explore
echo "fuzz: every property held for $CASES cases"
