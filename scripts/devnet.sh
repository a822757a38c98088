#!/usr/bin/env bash
# Runs the sample network of chain-config/ on this machine: anvil booted from its genesis,
# redis-server, and one gateway per authority (CH :5081, FR :5082, DE :5083, KE :5084; plain
# HTTP/2, dev identities), each with only its own keys. Ctrl-C stops everything.
# Arguments go to the devnet host: --port N (0 = any free ports), --no-redis, --state DIR,
# --once (start, run the demo, admit NO by vote, run the conformance checks against every
# gateway, stop; exit code 1 if a step fails). DEVNET_CONFIGURATION=Release for a Release build.
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
