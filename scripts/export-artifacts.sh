#!/usr/bin/env bash
# Compiles AuthorityRegistry and PermitRegistry with forge and writes the artifacts the .NET
# bindings embed: src/Ledger.Contracts/Artifacts/{AuthorityRegistry,PermitRegistry}.json.
#
# Usage: scripts/export-artifacts.sh [OUTPUT_DIR]     (default: src/Ledger.Contracts/Artifacts)
#
# The artifacts are committed so that building .NET needs neither node nor forge, and so the
# bytecode that gets deployed is reviewed like code. The test Artifacts_match_a_fresh_compile
# runs this script into a temporary folder and fails when the committed files differ.
#
# Each artifact holds: contractName, source, compiler, settings, abiVersion (0x + SHA-256 of the
# ABI serialised as compact JSON, i.e. JSON.stringify(abi)), abi (one entry per line),
# bytecode (creation code), deployedBytecode (runtime code, immutables zeroed),
# immutableReferences (where the runtime code holds immutables) and errorDocs (NatSpec of the
# custom errors, from which the C# error records are generated).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

out_dir="${1:-$REPO_ROOT/src/Ledger.Contracts/Artifacts}"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"

ensure_node_modules

# A private build folder: the repository's contracts/out and cache stay untouched, and only the
# two deployable contracts (and what they import) are compiled, not the tests.
build_dir="$(mktemp -d)"
trap 'rm -rf "$build_dir"' EXIT
log "forge build (AuthorityRegistry, PermitRegistry)"
(cd "$CONTRACTS_DIR" && "$FORGE" build --out "$build_dir/out" --cache-path "$build_dir/cache" \
  src/authority/AuthorityRegistry.sol src/permit/PermitRegistry.sol) >&2

log "writing artifacts to $out_dir"
node --input-type=module - "$build_dir/out" "$out_dir" <<'JS'
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [forgeOut, outDir] = process.argv.slice(2);
const contracts = [
  ["AuthorityRegistry", "src/authority/AuthorityRegistry.sol"],
  ["PermitRegistry", "src/permit/PermitRegistry.sol"],
];

function fail(message) {
  console.error(message);
  process.exit(1);
}

// NatSpec of each custom error, by signature: the notice from userdoc, the parameters from devdoc.
function errorDocs(metadata) {
  const user = metadata.output.userdoc.errors ?? {};
  const dev = metadata.output.devdoc.errors ?? {};
  const docs = {};
  for (const signature of [...new Set([...Object.keys(user), ...Object.keys(dev)])].sort()) {
    docs[signature] = {
      notice: (user[signature] ?? []).map((d) => d.notice).filter(Boolean).join(" "),
      params: Object.assign({}, ...(dev[signature] ?? []).map((d) => d.params ?? {})),
    };
  }
  return docs;
}

// Two-space indentation, but each ABI entry on one line: one line per function, event or error.
function render(artifact) {
  const { abi, ...rest } = artifact;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, "");
  const entries = abi.map((entry) => "    " + JSON.stringify(entry)).join(",\n");
  return `${head},\n  "abi": [\n${entries}\n  ]\n}\n`;
}

for (const [name, source] of contracts) {
  const forged = JSON.parse(readFileSync(join(forgeOut, `${name}.sol`, `${name}.json`), "utf8"));
  const metadata = JSON.parse(forged.rawMetadata);
  for (const part of ["bytecode", "deployedBytecode"]) {
    if (Object.keys(forged[part].linkReferences ?? {}).length > 0)
      fail(`${name} needs linked libraries; the bindings deploy self-contained bytecode only.`);
  }
  const immutables = Object.values(forged.deployedBytecode.immutableReferences ?? {})
    .flat()
    .map(({ start, length }) => ({ start, length }))
    .sort((a, b) => a.start - b.start);
  const artifact = {
    contractName: name,
    source,
    compiler: `solc ${metadata.compiler.version}`,
    settings: { optimizer: metadata.settings.optimizer, evmVersion: metadata.settings.evmVersion },
    abiVersion: "0x" + createHash("sha256").update(JSON.stringify(forged.abi)).digest("hex"),
    bytecode: forged.bytecode.object,
    deployedBytecode: forged.deployedBytecode.object,
    immutableReferences: immutables,
    errorDocs: errorDocs(metadata),
    abi: forged.abi,
  };
  writeFileSync(join(outDir, `${name}.json`), render(artifact));
  console.error(`${name}: ABI version ${artifact.abiVersion}`);
}
JS
