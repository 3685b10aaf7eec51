#!/usr/bin/env bash
# B4 of performance.md: `dotnet publish` of samples/Shop/Web with K8sGen (image + manifests) against the
# SDK's own container publish with K8sGen disabled, same project, alternating, N pairs (default 5);
# prints each pair and the median ratio. Needs eng/pack.sh and a registry (eng/containers.sh start).
set -euo pipefail
cd "$(dirname "$0")/.."
pairs="${1:-5}"
base="$(eng/containers.sh base-image)"
common=(samples/Shop/Web -c Release -nologo -v quiet -p:ContainerRegistry=localhost:5000 -p:ContainerBaseImage="$base")
run() { local start end; start=$(date +%s%N); dotnet publish "${common[@]}" "$@" > /dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
run > /dev/null; run -p:PublishProfile=DefaultContainer -p:K8sGenEnabled=false > /dev/null   # warm both
ratios=()
for i in $(seq 1 "$pairs"); do
  on=$(run)
  off=$(run -p:PublishProfile=DefaultContainer -p:K8sGenEnabled=false)
  ratio=$(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$ratio")
  echo "pair $i: K8sGen ${on} ms, SDK only ${off} ms, ratio $ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { printf "median ratio: %.3f\n", (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }'
