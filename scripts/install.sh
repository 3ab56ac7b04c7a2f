#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; seconds when everything is there.
# Needs: Rust (rustup), Node/npm, apt. Everything comes from crates.io, npm and Debian only.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen pinned in Cargo.toml, or trunk tries to download one.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

say() { echo "install: $*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: the registry lacks one of its locked dependencies.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver for the browser tests"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# wasm-opt (npm binaryen) and the browser-test packages; `npm ls` is the fast "all there?" check.
if ! npm ls --silent >/dev/null 2>&1; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

cargo fetch --locked --quiet
say "all tools present"
