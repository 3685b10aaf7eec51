#!/usr/bin/env bash
# B3 of performance.md for a large project, and the build task's share of it (V2's "whole task"): generates a
# project of N annotated services (default 1000; each a Deployment with a port, a route, scraping, two probes,
# resources, an env var and a label, and an app that maps those paths) under artifacts/bench/ (not committed), in
# two copies: "on" with the K8sGen package, "off" with the package's analyzers and build assets excluded. Then
# full rebuilds (--no-incremental), alternating, P pairs (default 5) after a warm-up of each, the median ratio,
# and WriteK8sManifests' time from MSBuild's performance summary of one more "on" build, then of a build after a code edit.
# Usage: eng/bench-services.sh [services] [pairs]. Packs the package first (eng/pack.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
services="${1:-1000}"
pairs="${2:-5}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
eng/pack.sh > /dev/null
version="$(sed -n 's:.*<K8sGenVersion>\(.*\)</K8sGenVersion>.*:\1:p' eng/Version.props)"
root="artifacts/bench/services-$services"
rm -rf "$root"
mkdir -p "$root"
# A project of its own, like a user's: none of this repository's MSBuild files (central package versions …) apply.
echo '<Project />' > "$root/Directory.Build.props"
echo '<Project />' > "$root/Directory.Build.targets"
echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$root/Directory.Packages.props"
cat > "$root/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="../../packages" /></config>
  <packageSources>
    <clear />
    <add key="k8sgen-local" value="../../feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="k8sgen-local"><package pattern="K8sGen" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
EOF
for variant in on off; do
  dir="$root/$variant"
  mkdir -p "$dir"
  exclude=""
  [ "$variant" = off ] && exclude=' ExcludeAssets="analyzers;build;buildTransitive"'
  cat > "$dir/Services.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="K8sGen" Version="$version"$exclude />
  </ItemGroup>
</Project>
EOF
  {
    echo 'var app = WebApplication.Create(args);'
    echo 'app.MapGet("/healthz", () => "ok");'
    echo 'app.MapGet("/ready", () => "ready");'
    echo 'app.MapGet("/metrics", () => "");'
    for i in $(seq 0 $((services - 1))); do echo "app.MapGet(\"/api/s$i\", () => \"s$i\");"; done
    echo 'app.Run();'
  } > "$dir/Program.cs"
  mkdir -p "$dir/Services"
  for i in $(seq 0 $((services - 1))); do
    cat > "$dir/Services/Service$i.cs" <<EOF
using K8sGen;
namespace Services;
[Deployment(Name = "s$i")] [Port(8080)] [Route("/api/s$i", Host = "api.shop.example")] [Scrape]
[Liveness("/healthz")] [Readiness("/ready")] [Resources(CpuRequest = "100m", MemoryRequest = "128Mi", MemoryLimit = "256Mi")]
[Env("INDEX", "$i")] [Label("team", "t$((i % 7))")]
public sealed class Service$i { }
EOF
  done
  dotnet restore "$dir" -nologo -v quiet
done

run() { local start end; start=$(date +%s%N); dotnet build "$root/$1" -c Release -nologo -v quiet --no-restore --no-incremental > /dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
run on > /dev/null; run off > /dev/null   # warm both
ratios=()
for i in $(seq 1 "$pairs"); do
  on=$(run on)
  without=$(run off)
  ratio=$(awk -v a="$on" -v b="$without" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$ratio")
  echo "pair $i: K8sGen ${on} ms, without ${without} ms, ratio $ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { printf "median ratio: %.3f\n", (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }'
echo "task and analyzers in one more K8sGen build (fresh MSBuild process):"
dotnet build "$root/on" -c Release -nologo --no-restore --no-incremental -clp:PerformanceSummary -p:ReportAnalyzer=true -v d 2>&1 \
  | grep -E "^\s+[0-9]+ ms\s+(WriteK8sManifests|GetK8sContainerSettings|Csc)\b|K8sGen\.Generator\.(K8sGenGenerator|K8sGenAnalyzer)" | sed -E "s/ \(KSG[^)]*\)//" | sort -u | head -10
# A rebuild cleans obj/ and so validates everything; the usual build after an edit of code (not of an attribute) finds
# the YAML it validated last time (obj/…/k8sgen.validated).
echo "the task after an edit of code, not of an attribute (fresh MSBuild process):"
echo "// an edit" >> "$root/on/Program.cs"
dotnet build "$root/on" -c Release -nologo --no-restore -nodeReuse:false -clp:PerformanceSummary -v n 2>&1 \
  | grep -E "^\s+[0-9]+ ms\s+WriteK8sManifests\b|as validated last time" | sed 's/ → .* → / … → /' | sort -u
