#!/usr/bin/env bash
# Command 1: install what is missing, build the release site, serve it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
. scripts/env.sh
trunk build --release
exec node scripts/serve.mjs --dir dist --port "${PORT:-8080}" --compress
