# Sourced by the scripts: puts the npm-installed wasm-opt on PATH (trunk looks only there)
# and keeps trunk from reaching for the network.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true
