# Shared shell helpers for scripts/: tool paths and one-time installs. Sourced, not run.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONTRACTS_DIR="$REPO_ROOT/contracts"
# The npm launchers of forge/anvil/cast always exit 0, so we call the native binaries.
FORGE="$CONTRACTS_DIR/node_modules/@foundry-rs/forge-linux-amd64/bin/forge"
ANVIL="$CONTRACTS_DIR/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"
CAST="$CONTRACTS_DIR/node_modules/@foundry-rs/cast-linux-amd64/bin/cast"
export FORGE ANVIL CAST

log() { printf '==> %s\n' "$*" >&2; }

# Installs the contract toolchain (solc-js, forge, anvil, cast, OpenZeppelin, forge-std)
# exactly as package-lock.json pins it, unless that exact lock is already installed.
ensure_node_modules() {
  local stamp="$CONTRACTS_DIR/node_modules/.lock-hash"
  local want
  want="$(sha256sum "$CONTRACTS_DIR/package-lock.json" | cut -d' ' -f1)"
  if [[ -x "$FORGE" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  log "installing contract toolchain from package-lock.json (npm ci)"
  if ! (cd "$CONTRACTS_DIR" && npm ci --no-audit --no-fund --loglevel=error) >&2; then
    echo "npm ci failed in contracts/: the toolchain is not installed" >&2
    return 1
  fi
  echo "$want" >"$stamp"
}

# Makes sure redis-server is on PATH (Debian package), for the gateway's tests and devnet.
ensure_redis() {
  command -v redis-server >/dev/null 2>&1 && return 0
  log "installing redis-server (Debian)"
  if [[ $(id -u) -ne 0 ]]; then
    echo "redis-server is missing and we are not root: apt-get install -y redis-server" >&2
    return 1
  fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >&2
}

# Makes sure Debian's chromium is installed, for the web console's browser tests
# (tests/Ledger.Console.BrowserTests drive it headless through Playwright with an explicit
# executable path: Playwright's own browser download does not work here).
ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && return 0
  log "installing chromium (Debian)"
  if [[ $(id -u) -ne 0 ]]; then
    echo "chromium is missing and we are not root: apt-get install -y chromium" >&2
    return 1
  fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
}

# Makes sure Debian's docker-compose (1.29) is on PATH: it validates docker-compose.yml
# offline (no Docker engine runs here) and brings python3-yaml for scripts/compose-files.py.
ensure_docker_compose() {
  command -v docker-compose >/dev/null 2>&1 && return 0
  log "installing docker-compose (Debian)"
  if [[ $(id -u) -ne 0 ]]; then
    echo "docker-compose is missing and we are not root: apt-get install -y docker-compose" >&2
    return 1
  fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose) >&2
}

# Makes sure the PostgreSQL server binaries (initdb, postgres) exist, for the document store's
# tests: they start their own throw-away cluster on a free port, never a system service. So the
# package is told not to create (and start) its default cluster.
ensure_postgres() {
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && return 0
  log "installing postgresql (Debian)"
  if [[ $(id -u) -ne 0 ]]; then
    echo "postgresql is missing and we are not root: apt-get install -y postgresql" >&2
    return 1
  fi
  mkdir -p /etc/postgresql-common/createcluster.d
  echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/ledger-no-main-cluster.conf
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
}
