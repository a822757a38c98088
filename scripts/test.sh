#!/usr/bin/env bash
# Runs every test in the repository: the Solidity contracts (forge), the .NET solution, and the
# load program's quick mode as a smoke test.
# Installs what the tests need first. Exits non-zero when any test fails.
# Prints one plain "N passed, N failed" line per runner and a total, because CI does not
# read forge's or dotnet's own summaries.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_node_modules || exit 1
ensure_redis || exit 1
ensure_docker_compose || exit 1
ensure_postgres || exit 1
ensure_chromium || exit 1

status=0
total_passed=0 total_failed=0 total_skipped=0
tally() { # runner passed failed skipped
  printf '%s: %d passed, %d failed, %d skipped\n' "$1" "$2" "$3" "$4"
  total_passed=$((total_passed + $2)) total_failed=$((total_failed + $3)) total_skipped=$((total_skipped + $4))
}

log "contracts: forge test"
forge_log="$(mktemp)"
(cd "$CONTRACTS_DIR" && "$FORGE" test 2>&1) | tee "$forge_log"
forge_rc=${PIPESTATUS[0]}
# forge ends with "Ran N test suites in ...: P tests passed, F failed, S skipped (T total tests)"
read -r fp ff fs < <(sed -nE 's/.*: ([0-9]+) tests passed, ([0-9]+) failed, ([0-9]+) skipped.*/\1 \2 \3/p' "$forge_log" | tail -1)
if [[ -z "${fp:-}" ]]; then fp=0 ff=1 fs=0; echo "forge printed no summary (build failure?)" >&2; fi
tally forge "$fp" "$ff" "$fs"
[[ $forge_rc -eq 0 && $ff -eq 0 ]] || status=1
rm -f "$forge_log"

log "compose: docker-compose config -q, every file it mounts or builds from exists, no node or Redis exposed to another authority"
# Two checks: the file is valid Compose, and every host path it names exists (until
# chain-config/ is generated, the second lists exactly the files still missing) with no
# authority's node RPC or Redis on a network another authority's gateway or Redis joins.
cp=0 cf=0
if (cd "$REPO_ROOT" && docker-compose -f docker-compose.yml config -q); then cp=$((cp + 1)); else cf=$((cf + 1)); fi
files_report="$(cd "$REPO_ROOT" && docker-compose -f docker-compose.yml config 2>/dev/null | python3 scripts/compose-files.py)"
files_rc=$?
grep -v '^ok ' <<<"$files_report"
if [[ $files_rc -eq 0 ]]; then cp=$((cp + 1)); else cf=$((cf + 1)); fi
tally compose "$cp" "$cf" 0
[[ $cf -eq 0 ]] || status=1

log "dotnet: build and test Ledger.sln"
dotnet_log="$(mktemp)"
trx_dir="$(mktemp -d)"
(cd "$REPO_ROOT" && dotnet test Ledger.sln --nologo -v q --logger "trx;LogFilePrefix=tests" --results-directory "$trx_dir" 2>&1) | tee "$dotnet_log"
dotnet_rc=${PIPESTATUS[0]}
# dotnet's quiet output counts skipped and failed tests without saying why; the TRX files keep it.
shopt -s nullglob
trx_files=("$trx_dir"/*.trx)
[[ ${#trx_files[@]} -eq 0 ]] || python3 "$REPO_ROOT/scripts/test-outcomes.py" "${trx_files[@]}"
rm -rf "$trx_dir"
# VSTest prints per project: "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T, ..."
read -r dp df ds < <(sed -nE 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+), Total.*/\2 \1 \3/p' "$dotnet_log" |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
if [[ $dotnet_rc -ne 0 && $df -eq 0 ]]; then df=1; echo "dotnet test failed outside any test (build error?)" >&2; fi
tally dotnet "$dp" "$df" "$ds"
[[ $dotnet_rc -eq 0 ]] || status=1
rm -f "$dotnet_log"

log "bench: the load program's quick mode as a smoke test (figures reported, no thresholds enforced)"
# It starts its own devnet (anvil, redis, one gateway per authority), measures every stage
# briefly and writes report.md; it fails only when the program itself fails. Its goals
# summary is printed so that a missed goal is visible in the CI log.
bench_out="$(mktemp -d)"
bench_log="$(mktemp)"
(cd "$REPO_ROOT" && dotnet run -c Release --project benchmarks/Ledger.Benchmarks -- --quick --out "$bench_out" >"$bench_log" 2>&1)
bench_rc=$?
if [[ -f "$bench_out/report.md" ]]; then
  sed -n '/^## Goals/,/^## [^G]/p' "$bench_out/report.md" | sed '$d'
else
  tail -n 40 "$bench_log"
fi
if [[ $bench_rc -eq 0 ]]; then tally bench 1 0 0; else tail -n 20 "$bench_log"; tally bench 0 1 0; status=1; fi
rm -rf "$bench_out" "$bench_log"

printf 'total: %d passed, %d failed, %d skipped\n' "$total_passed" "$total_failed" "$total_skipped"
exit $status
