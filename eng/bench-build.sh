#!/usr/bin/env bash
# B3 and B4 of performance.md: the same project built (B3: `dotnet build --no-incremental`) or published
# with its container image (B4) with K8sGen and with K8sGen disabled (-p:K8sGenEnabled=false; for B4 the
# SDK's own container publish), alternating, N pairs (default 5) after a warm-up of each; prints each pair
# and the median ratio. Usage: eng/bench-build.sh build|publish [pairs]. Needs eng/pack.sh; publish also
# needs the registry (eng/containers.sh start).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:?usage: eng/bench-build.sh build|publish [pairs]}"
pairs="${2:-5}"
case "$mode" in
  build)
    common=(build samples/Shop/Web -c Release -nologo -v quiet --no-incremental)
    off=(-p:K8sGenEnabled=false) ;;
  publish)
    common=(publish samples/Shop/Web -c Release -nologo -v quiet -p:ContainerRegistry=localhost:5000 -p:ContainerBaseImage="$(eng/containers.sh base-image)")
    off=(-p:PublishProfile=DefaultContainer -p:K8sGenEnabled=false) ;;
  *) echo "usage: eng/bench-build.sh build|publish [pairs]" >&2; exit 2 ;;
esac
run() { local start end; start=$(date +%s%N); dotnet "${common[@]}" "$@" > /dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
run > /dev/null; run "${off[@]}" > /dev/null   # warm both
ratios=()
for i in $(seq 1 "$pairs"); do
  on=$(run)
  without=$(run "${off[@]}")
  ratio=$(awk -v a="$on" -v b="$without" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$ratio")
  echo "pair $i: K8sGen ${on} ms, without ${without} ms, ratio $ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { printf "median ratio: %.3f\n", (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }'
