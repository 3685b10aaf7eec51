#!/usr/bin/env bash
# Packs K8sGen and publishes the three Shop services with it, as a user would: each publish builds the
# service's image, pushes it to a local registry (127.0.0.1:5000, started here and stopped at the end;
# eng/containers.sh installs what is missing with apt-get) and writes manifests pinned to its digest.
# Then it shows the images in the registry and the manifests.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
eng/pack.sh
eng/containers.sh install
trap 'eng/containers.sh stop' EXIT
eng/containers.sh start
base="$(eng/containers.sh base-image)"

log="$(mktemp)"
trap 'rm -f "$log"; eng/containers.sh stop' EXIT
for service in Users.V1 Users.V2 Web Reports; do
  # The whole log is shown when a publish fails; otherwise only what K8sGen and the SDK's image step said.
  if ! dotnet publish "samples/Shop/$service" -c Release -nologo -v minimal \
    -p:ContainerRegistry=localhost:5000 -p:ContainerBaseImage="$base" -p:K8sGenPinDigest=true >"$log" 2>&1; then
    cat "$log"
    echo "eng/shop.sh: publishing samples/Shop/$service failed" >&2
    exit 1
  fi
  grep -E "K8sGen:|Pushed image|error|warn" "$log" || true
done

# The Shop's version comes from git tags (MinVer): v1.4.0 gives 1.4.0, a commit without a tag a pre-release.
version="$(dotnet msbuild samples/Shop/Web -nologo -t:MinVer -getProperty:MinVerVersion)"
echo
echo "=== images in the registry (localhost:5000), tag $version"
for repository in shop/users-v1 shop/users-v2 shop/web shop/reports; do
  echo "$repository: $(skopeo inspect --tls-verify=false "docker://localhost:5000/$repository:$version" | grep -m1 '"Digest"' | tr -d ' ,')"
done

for service in Users.V1 Users.V2 Web Reports; do
  dir="samples/Shop/$service/bin/Release/net10.0/publish/k8s"
  echo
  echo "=== $dir"
  ls -1 "$dir"
  for file in $(find "$dir" -name '*.yaml' | sort) "$dir/topology.md"; do
    echo "--- ${file#$dir/}"
    cat "$file"
  done
done

for environment in staging production; do
  echo
  echo "=== kubectl kustomize samples/Shop/overlays/$environment"
  kubectl kustomize "samples/Shop/overlays/$environment" | grep -E '^kind:|^  name:|^  namespace:|^  replicas:|host:' | paste -s -d' ' | sed 's/ kind:/\nkind:/g'
done

echo
echo "=== kubectl kustomize samples/Shop (the whole shop)"
kubectl kustomize samples/Shop | grep -E '^kind:|^  name:|image:' | paste -s -d' ' | sed 's/ kind:/\nkind:/g'
