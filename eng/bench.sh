#!/usr/bin/env bash
# Runs the generator benchmarks (G2–G4, S1 of performance.md); results land in BenchmarkDotNet.Artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project eng/Benchmarks -- --filter '*' "$@"
