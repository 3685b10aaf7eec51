#!/usr/bin/env bash
# Packs K8sGen, publishes the three Shop services with it (as a user would), and shows what came out.
set -euo pipefail
cd "$(dirname "$0")/.."
eng/pack.sh
for service in Users.V1 Users.V2 Web; do
  dotnet publish "samples/Shop/$service" -c Release -nologo -v minimal | grep -E "K8sGen:|error|warn" || true
done
for service in Users.V1 Users.V2 Web; do
  dir="samples/Shop/$service/bin/Release/net10.0/publish/k8s"
  echo
  echo "=== $dir"
  ls -1 "$dir"
  for file in "$dir"/*.yaml; do
    echo "--- $(basename "$file")"
    cat "$file"
  done
done

echo
echo "=== kubectl kustomize samples/Shop (the whole shop)"
if command -v kubectl > /dev/null; then
  kubectl kustomize samples/Shop | grep -E '^kind:|^  name:' | paste - - | sort
else
  echo "(kubectl not installed)"
fi
