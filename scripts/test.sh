#!/usr/bin/env bash
# Command 2: every test. Native tests of the core and the data tool, the release build,
# its size, browser tests in headless Chromium against the built site, and Lighthouse.
# What each gate checks and how to run it alone: docs/TESTING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
. scripts/env.sh

# A Rust warning (an unused variable, dead code) fails the run: the house style keeps none, and a warning
# left in is often code a change forgot (docs/TESTING.md, Warnings). Cargo replays a cached crate's warnings.
LOG=$(mktemp)
no_warnings() {
  if grep -n '^warning' "$LOG"; then
    echo "FAIL: the Rust build above warned"
    exit 1
  fi
}

echo "== native tests (core, data tool)"
cargo test --locked -p plan-core -p plan-data 2>&1 | tee "$LOG"
no_warnings

echo "== release build"
trunk build --release 2>&1 | tee "$LOG"
no_warnings
rm -f "$LOG"

echo "== size of every kind of first view, as loaded in Chromium (fails over 250 KB gzip; README, Size)"
node scripts/size-report.mjs --dir dist --budget 250000

echo "== the same at 16x (plan-data synth): the views that grow with the number of plans are gated too"
SYNTH=$(mktemp -d)
cargo run --release --locked -q -p plan-data -- synth --factor 16 --out "$SYNTH"
node scripts/size-report.mjs --dir dist --data "$SYNTH" --budget 250000 --scaled-only
rm -rf "$SYNTH"

echo "== browser tests (headless Chromium), accessibility and hostile input included"
npx playwright test

echo "== Lighthouse (fails under 100 for accessibility or best practices)"
node scripts/bench-lighthouse.mjs --dir dist

echo "== speed (figures only; a slow run is reported, not failed)"
node scripts/bench-filter.mjs
node scripts/bench-sim.mjs
cargo run --release --locked -q -p plan-data --example sim_bench
