#!/usr/bin/env bash
# Measures what real transactions pay, as an independent check of test/Gas.t.sol: deploys
# both contracts on a throw-away anvil, sends each write once and prints the receipt's
# gasUsed (21,000 base + calldata + execution) next to the calldata cost.
# Usage: contracts/script/gas-receipts.sh [--trace NAME]   (NAME: an operation below; prints
# its opcode trace with `cast run --trace-printer`, for finding where gas goes)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=node_modules/@foundry-rs
FORGE=$BIN/forge-linux-amd64/bin/forge
ANVIL=$BIN/anvil-linux-amd64/bin/anvil
CAST=$BIN/cast-linux-amd64/bin/cast
trace_op="${2:-}"
[[ "${1:-}" == "--trace" && -n "$trace_op" ]] || trace_op=""

"$FORGE" build >/dev/null

work="$(mktemp -d)"
# Cancun, like the QBFT network (foundry.toml's evm_version).
"$ANVIL" --port 0 --hardfork cancun >"$work/anvil.log" 2>&1 &
anvil_pid=$!
trap 'kill "$anvil_pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  grep -q 'Listening on' "$work/anvil.log" && break
  sleep 0.05
done
RPC="http://$(sed -nE 's/.*Listening on ([0-9.:]+).*/\1/p' "$work/anvil.log")"
export ETH_RPC_URL="$RPC"

# anvil's unlocked dev accounts play the authorities; no private key is handled here.
mapfile -t acct < <("$CAST" rpc eth_accounts | node -e 'JSON.parse(require("fs").readFileSync(0)).forEach(a=>console.log(a))')
issuerCH=${acct[0]} issuerDE=${acct[1]} customsCH=${acct[2]} customsDE=${acct[3]}
issuerKE=${acct[4]} issuerBR=${acct[5]}
# Validator node addresses (block-signing keys): addresses only, nothing signs with them here.
nodes="[${acct[6]},${acct[7]},${acct[8]},${acct[9]}]"

bytecode() { node -e 'console.log(require(process.argv[1]).bytecode.object)' "$PWD/out/$1.sol/$1.json"; }
# send FROM ARGS... -> prints the transaction hash
send() { local from=$1; shift; "$CAST" send --unlocked --from "$from" --async "$@"; }
calldata_gas() { node -e 'const h=process.argv[1].slice(2);let g=0;for(let i=0;i<h.length;i+=2)g+=h.substr(i,2)==="00"?4:16;console.log(g)' "$1"; }

# Four founders, as in test/GovernanceGas.t.sol, so that the validator set has the same shape.
args=$("$CAST" abi-encode "f(address[],bytes2[],bytes32[],address[])" "[$issuerCH,$issuerDE,$issuerKE,$issuerBR]" \
  "[0x4348,0x4445,0x4b45,0x4252]" \
  "[$("$CAST" format-bytes32-string FSVO),$("$CAST" format-bytes32-string BfN),$("$CAST" format-bytes32-string KWS),$("$CAST" format-bytes32-string IBAMA)]" \
  "$nodes")
tx=$(send "$issuerCH" --create "$(bytecode AuthorityRegistry)${args#0x}")
registry=$("$CAST" receipt "$tx" contractAddress)
tx=$(send "$issuerCH" --create "$(bytecode PermitRegistry)$("$CAST" abi-encode "f(address)" "$registry" | cut -c3-)")
permits=$("$CAST" receipt "$tx" contractAddress)
send "$issuerCH" "$registry" "designate(address,uint8,bytes32)" "$customsCH" 2 "$("$CAST" format-bytes32-string 'Customs CH')" >/dev/null
send "$issuerDE" "$registry" "designate(address,uint8,bytes32)" "$customsDE" 2 "$("$CAST" format-bytes32-string 'Zoll DE')" >/dev/null

now=$("$CAST" block latest --field timestamp)
PERMIT_T='(bytes32,bytes32,uint8,uint40,uint40,bytes2,uint16,bytes32,bytes32,uint96[])'
actor=$("$CAST" keccak officer-1)
# permit ID -> permit tuple: CITES export CH -> DE, one line of 250, one shipment, 180 days
permit() {
  local key; key=$("$CAST" keccak "$1")
  echo "($key,$("$CAST" keccak "document $1"),0,$now,$((now + 15552000)),0x4445,1,0x$(printf '0%.0s' {1..64}),$actor,[${2:-250}])"
}
key1=$("$CAST" keccak CH/2026/000001)
ref1=$("$CAST" keccak "AWB 176-12345675")

declare -a names sigs froms argv targets
# op NAME FROM SIGNATURE ARGS... sends to the PermitRegistry; gov_op the same to the AuthorityRegistry.
op() { targets+=("$permits"); names+=("$1"); froms+=("$2"); sigs+=("$3"); shift 3; argv+=("$(printf '%s\x1f' "$@")"); }
gov_op() { targets+=("$registry"); names+=("$1"); froms+=("$2"); sigs+=("$3"); shift 3; argv+=("$(printf '%s\x1f' "$@")"); }
op "register, 1 line" "$issuerCH" "register($PERMIT_T)" "$(permit CH/2026/000001)"
batch="[$(for i in $(seq 1 50); do printf '%s,' "$(permit "CH/2026/1$(printf '%05d' "$i")")"; done | sed 's/,$//')]"
op "registerBatch of 50, 1 line each" "$issuerCH" "registerBatch(${PERMIT_T}[])" "$batch"
op "recordShipment, 1 line" "$customsCH" "recordShipment(bytes32,bytes32,uint96[],bytes32)" "$key1" "$ref1" "[250]" "$actor"
op "confirmArrival after export, 1 line" "$customsDE" "confirmArrival(bytes32,bytes32,uint96[],bytes32)" "$key1" "$ref1" "[248]" "$actor"
op "register, 1 line (for import-only)" "$issuerCH" "register($PERMIT_T)" "$(permit CH/2026/000002)"
op "confirmArrival consuming (no export), 1 line" "$customsDE" "confirmArrival(bytes32,bytes32,uint96[],bytes32)" \
  "$("$CAST" keccak CH/2026/000002)" "$ref1" "[250]" "$actor"
op "register, 1 line (to cancel)" "$issuerCH" "register($PERMIT_T)" "$(permit CH/2026/000003)"
op "cancel" "$issuerCH" "cancel(bytes32,uint8,bytes32)" "$("$CAST" keccak CH/2026/000003)" 3 "$actor"
# Governance writes whose cost does not depend on earlier governance (votes do: see GovernanceGasTest).
fingerprint=$("$CAST" keccak certificate)
gov_op "rotateNode" "$issuerCH" "rotateNode(address)" "0x000000000000000000000000000000000000a11c"
gov_op "publishGateway, own, 34-byte URL" "$issuerCH" "publishGateway(address,string,bytes32)" \
  "$issuerCH" "https://ledger.fsvo.admin.ch:8443" "$fingerprint"
gov_op "publishGateway, agency, 34-byte URL" "$issuerCH" "publishGateway(address,string,bytes32)" \
  "$customsCH" "https://ledger.fsvo.admin.ch:8443" "$fingerprint"

printf '%-46s %10s %10s %10s\n' operation gasUsed calldata execution
for i in "${!names[@]}"; do
  IFS=$'\x1f' read -r -a a <<<"${argv[$i]}"
  data=$("$CAST" calldata "${sigs[$i]}" "${a[@]}")
  tx=$(send "${froms[$i]}" "${targets[$i]}" "$data")
  status=$("$CAST" receipt "$tx" status)
  [[ "$status" == true || "$status" == 1* ]] || { echo "${names[$i]}: transaction failed" >&2; "$CAST" run "$tx" >&2 || true; exit 1; }
  used=$("$CAST" receipt "$tx" gasUsed)
  cd_gas=$(calldata_gas "$data")
  per=""
  [[ "${names[$i]}" == registerBatch* ]] && per="  ($((used / 50)) per permit)"
  printf '%-46s %10d %10d %10d%s\n' "${names[$i]}" "$used" "$cd_gas" $((used - 21000 - cd_gas)) "$per"
  if [[ -n "$trace_op" && "${names[$i]}" == "$trace_op" ]]; then "$CAST" run --trace-printer "$tx" >&2; fi
done
