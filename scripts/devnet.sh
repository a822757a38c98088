#!/usr/bin/env bash
# Runs the devnet on this machine: anvil (1 s blocks), redis-server, the contracts with demo
# authorities (CH, FR, their customs, NO admitted by vote) and the gateway on
# http://127.0.0.1:5080 (plain HTTP/2, dev identities). Ctrl-C stops everything.
# Arguments go to the devnet host: --port N, --no-redis, --state DIR, --once (start, run
# the demo, stop; exit code 1 if a step fails). Set DEVNET_CONFIGURATION=Release for a
# Release build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_node_modules
ensure_redis

configuration="${DEVNET_CONFIGURATION:-Debug}"
log "building the devnet host ($configuration)"
dotnet build "$REPO_ROOT/src/Ledger.Devnet" -c "$configuration" --nologo -v q >&2
cd "$REPO_ROOT"
# exec: Ctrl-C and SIGTERM reach the host directly, which stops anvil and redis itself.
exec dotnet run --project src/Ledger.Devnet -c "$configuration" --no-build -- "$@"
