#!/usr/bin/env bash
# Publishes the gateway and its container health probe, Release, framework-dependent, into
# OUT/gateway and OUT/probe. The gateway image (src/Ledger.Gateway/Dockerfile) runs exactly
# this script, and so does a test (PublishedGatewayTests), so what the image ships is tested.
# Usage: scripts/publish-gateway.sh OUT
set -euo pipefail
out="${1:?usage: publish-gateway.sh OUT}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet publish "$root/src/Ledger.Gateway/Ledger.Gateway.csproj" -c Release --nologo -o "$out/gateway"
dotnet publish "$root/src/Ledger.HealthProbe/Ledger.HealthProbe.csproj" -c Release --nologo -o "$out/probe"
