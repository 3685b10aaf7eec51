#!/usr/bin/env bash
# Packs the K8sGen package into artifacts/feed, the samples' package source, and drops any copy a
# previous restore extracted, so the next restore of the samples takes this one.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet pack src/Attributes/K8sGen.Attributes.csproj -c Release -o artifacts/feed -nologo -v quiet
rm -rf artifacts/packages/k8sgen
echo "Packed $(ls artifacts/feed/K8sGen.*.nupkg | tail -1)"
