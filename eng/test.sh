#!/usr/bin/env bash
# The test command of the README and of CI: build everything with warnings as errors, install Mermaid's parser
# (npm, for the topology tests), pack K8sGen
# for the samples, start a local registry with a .NET base image (eng/containers.sh; installs what is
# missing with apt-get, so run as root), run every test project (the repository's and the Shop's),
# stop the registry, and print one closing summary line ("Total: N passed, N failed, N skipped").
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build K8sGen.sln -c Release -warnaserror -nologo -v minimal
# Mermaid's own parser checks the generated k8s/topology.md (tests/MSBuild.Tests/TopologyTests.cs).
npm ci --prefix eng/mermaid --no-audit --no-fund --loglevel=error
eng/pack.sh
dotnet build samples/Shop/Shop.sln -c Release -warnaserror -nologo -v minimal

eng/containers.sh install
trap 'eng/containers.sh stop' EXIT
eng/containers.sh start
export K8SGEN_TEST_REGISTRY=localhost:5000
K8SGEN_TEST_BASE_IMAGE="$(eng/containers.sh base-image)"
export K8SGEN_TEST_BASE_IMAGE
eval "$(eng/containers.sh env)"

log="$(mktemp)"
trap 'rm -f "$log"; eng/containers.sh stop' EXIT
status=0
dotnet test K8sGen.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?
dotnet test samples/Shop/Shop.sln -c Release --no-build -nologo 2>&1 | tee -a "$log" || status=$?

# dotnet test prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test assembly.
awk -F'[:,]' '/(Passed|Failed)! +- Failed:/ { f += $2; p += $4; s += $6; n++ }
  END { printf "Total: %d passed, %d failed, %d skipped (%d test assemblies)\n", p, f, s, n; if (n == 0) exit 1 }' "$log" || status=1
exit "$status"
