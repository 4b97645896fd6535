# Sourced by the other scripts: where the installed tools are, and the settings every step shares.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
# npm's binaryen first: a Debian wasm-opt elsewhere on PATH would break the app (see Trunk.toml).
export PATH="$REPO_ROOT/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
