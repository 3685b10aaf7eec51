#!/usr/bin/env bash
# The generator's first run in a fresh process ("cold", what every csc run pays without the compiler server), with the IL
# the package ships in analyzers/ and with its ReadyToRun image for linux-x64 (generator/linux-x64/). Roslyn itself is
# precompiled too, as in the SDK's compiler. Usage: eng/bench-cold.sh [runs]   (after eng/pack.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
image=src/Generator/obj/Release/linux-x64/K8sGen.Generator.dll
[ -f "$image" ] || { echo "no $image: run eng/pack.sh first" >&2; exit 1; }
dotnet build eng/Benchmarks -c Release -nologo -v quiet
out=artifacts/bench/cold
rm -rf "$out" && mkdir -p "$out" && cp -r eng/Benchmarks/bin/Release/net10.0 "$out/il"
version=$(dotnet msbuild src/Generator -getProperty:BundledNETCoreAppPackageVersion)
packages=$(dotnet msbuild src/Generator -getProperty:NuGetPackageRoot)
crossgen="$packages/microsoft.netcore.app.crossgen2.linux-x64/$version/tools/crossgen2"
runtime="$packages/microsoft.netcore.app.runtime.linux-x64/$version/runtimes/linux-x64/lib/net10.0"
for roslyn in Microsoft.CodeAnalysis.dll Microsoft.CodeAnalysis.CSharp.dll; do
  "$crossgen" "$out/il/$roslyn" -o "$out/$roslyn" --targetos linux --targetarch x64 -O -r "$runtime/*.dll" -r "$out/il/Microsoft.CodeAnalysis*.dll" > /dev/null
done
cp "$out"/Microsoft.CodeAnalysis*.dll "$out/il/"
cp -r "$out/il" "$out/r2r" && cp "$image" "$out/r2r/K8sGen.Generator.dll"
for i in $(seq "$runs"); do
  for kind in il r2r; do echo "$kind: $(dotnet "$out/$kind/K8sGen.Benchmarks.dll" cold | tr '\n' ' ')"; done
done
