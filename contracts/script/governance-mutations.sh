#!/usr/bin/env bash
# Shows that the governance invariants can fail: breaks the validator set on purpose, one
# mutation at a time, runs test/invariant/GovernanceInvariants.t.sol against each broken
# contract and prints which invariants caught it. Every mutation must be caught by at least
# one invariant, and every invariant must catch at least one mutation; the script exits 1
# otherwise. The sources are restored after each run (and on exit) with `git checkout`.
# Usage: contracts/script/governance-mutations.sh      (about 1 minute per mutation here)
set -euo pipefail
cd "$(dirname "$0")/.."
FORGE=node_modules/@foundry-rs/forge-linux-amd64/bin/forge
if ! git diff --quiet -- src; then
  echo "contracts/src has uncommitted changes; commit or stash them first" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'git checkout -q -- src; rm -rf "$work"' EXIT

# name | file | exact text to replace | replacement
mutations=(
  "suspension keeps the node|src/authority/ValidatorSet.sol|            _validators.remove(node);|"
  "reinstatement forgets the node|src/authority/ValidatorSet.sol|            _validators.add(node);|"
  "rotation keeps the old node|src/authority/ValidatorSet.sol|        _validators.remove(oldNode);|"
  "a used node is accepted again|src/authority/ValidatorSet.sol|        if (holder != address(0)) revert NodeAlreadyUsed(node, holder);|"
  "an authority account may be a node|src/authority/ValidatorSet.sol|        if (node == account \|\| _authority(node).kind != AuthorityKind.None) revert NodeIsAuthority(node);|"
  "a node may become an authority|src/authority/ValidatorSet.sol|        if (holder != address(0)) revert AccountIsNode(account, holder);|"
  "the last issuer may be suspended|src/authority/AuthorityDirectory.sol|                if (_activeIssuers == 1) revert LastActiveIssuer(account);|"
  "getValidators() lists one node twice|src/authority/ValidatorSet.sol|        return _validators.values();|        address[] memory v = _validators.values(); if (v.length > 1) v[v.length - 1] = v[0]; return v;"
)

invariants=(
  invariant_validatorsAreTheActiveIssuersNodes
  invariant_validatorsMatchTheRegistrysRecords
  invariant_neverEmptyAndOnePerActiveIssuer
  invariant_nodesUniqueAndNeverAuthorities
)
declare -A caught_by
status=0
for m in "${mutations[@]}"; do
  IFS='|' read -r name file from to <<<"${m//\\|/$'\x01'}"
  from="${from//$'\x01'/|}"
  FROM="$from" TO="$to" node -e '
    const fs = require("fs"); const f = process.argv[1]; const s = fs.readFileSync(f, "utf8");
    if (s.split(process.env.FROM).length !== 2) { console.error("mutation text not found once in " + f); process.exit(1); }
    fs.writeFileSync(f, s.replace(process.env.FROM, process.env.TO));' "$file"
  # A fresh campaign each time: no replay of a sequence that failed against another mutation.
  rm -rf cache/invariant
  "$FORGE" test --match-contract GovernanceInvariantsTest >"$work/out.log" 2>&1 || true
  # A failure prints "[FAIL: reason]", maybe the call sequence, then " invariant_name() (runs ...".
  failed=$(awk '/^\[FAIL/ { pending = 1 } /^\[PASS/ { pending = 0 }
                pending && match($0, /invariant_[A-Za-z]+\(\)/) { print substr($0, RSTART, RLENGTH - 2); pending = 0 }' \
             "$work/out.log" | sort -u | tr '\n' ' ')
  rm -rf cache/invariant
  if grep -q 'Compiler run failed' "$work/out.log"; then
    echo "BROKEN MUTATION (does not compile): $name" >&2
    status=1
  elif [[ -z "$failed" ]]; then
    echo "NOT CAUGHT: $name"
    status=1
  else
    echo "caught: $name -> $failed"
    for inv in $failed; do caught_by[$inv]=1; done
  fi
  git checkout -q -- src
done
for inv in "${invariants[@]}"; do
  if [[ -z "${caught_by[$inv]:-}" ]]; then
    echo "NEVER FAILED: $inv"
    status=1
  fi
done
exit "$status"
