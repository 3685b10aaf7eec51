#!/usr/bin/env bash
# On a v* tag (the workflow's staging job), from the tagged commit:
#   1. test the Shop;
#   2. publish every service: images pushed to $REGISTRY, manifests pinned to their digests (K8sGenPinDigest);
#   3. deploy overlays/staging and run its acceptance tests (deploy/cluster.sh, deploy/accept.sh);
#   4. propose production: a branch release/<tag> off the production branch, with the tag merged in and
#      overlays/production replaced by what the tag renders for production, with the same digests staging just
#      passed with; pushed, and a pull request opened against production (with `gh`, when GH_TOKEN is set).
# Merging that pull request deploys production (deploy/promote.sh). Nothing is rebuilt on the way: production
# runs the images and the manifests that were tested.
#
#   REGISTRY=ghcr.io/acme deploy/release.sh v1.4.0
# Optional: GIT_REMOTE (default origin), PRODUCTION_BRANCH (default production), K8SGEN_CLUSTER (deploy/cluster.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
tag="${1:?usage: REGISTRY=… deploy/release.sh vX.Y.Z}"
registry="${REGISTRY:?set REGISTRY, the registry the cluster pulls from (e.g. ghcr.io/acme)}"
remote="${GIT_REMOTE:-origin}"
production="${PRODUCTION_BRANCH:-production}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "$(git rev-parse HEAD)" != "$(git rev-parse "$tag^{commit}")" ]; then
  echo "deploy/release.sh: HEAD is not $tag; check the tag out first (the version comes from it)" >&2
  exit 1
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "=== 1. test"
dotnet test Shop.sln -c Release -nologo -v minimal

echo "=== 2. publish $tag to $registry"
for project in $(deploy/services.sh); do
  dotnet publish "$project" -c Release -nologo -v minimal -p:ContainerRegistry="$registry" -p:K8sGenPinDigest=true | grep -E "K8sGen:|Pushed image|error|warn" || { echo "deploy/release.sh: publishing $project failed" >&2; exit 1; }
done
kubectl kustomize overlays/production > "$out/shop.yaml"
version="$(grep -m1 'app.kubernetes.io/version:' "$out/shop.yaml" | sed 's/.*: "*\([^"]*\)"*/\1/')"
if [ "v$version" != "$tag" ]; then
  echo "deploy/release.sh: the manifests carry version $version, not $tag's (is the tag v-prefixed SemVer?)" >&2
  exit 1
fi

echo "=== 3. staging"
deploy/cluster.sh apply overlays/staging
deploy/accept.sh overlays/staging

echo "=== 4. propose $tag for production"
# The reviewer reads what changes: the images, and each service's topology (rendered by GitHub).
{
  echo "# Production: $tag"
  echo
  echo "What \`kubectl apply -k overlays/production\` deploys on the $production branch: \`overlays/production\` of $tag"
  echo "($(git rev-parse --short HEAD)) rendered by deploy/release.sh, with the images staging passed its acceptance tests with."
  echo "Written by deploy/release.sh: do not edit."
  echo
  echo "| image |"
  echo "|---|"
  grep -E '^ *image: ' "$out/shop.yaml" | sed 's/^ *image: "*\([^"]*\)"*/| `\1` |/' | sort -u
  for project in $(deploy/services.sh); do
    echo
    sed 's/^#/##/' "$project/bin/Release/net10.0/publish/k8s/topology.md"
  done
} > "$out/topology.md"

git fetch "$remote"
if ! git rev-parse -q --verify "refs/remotes/$remote/$production" > /dev/null; then
  # The first release: production starts at the tag, with nothing released yet (deploy/promote.sh does nothing).
  git push "$remote" "$tag^{commit}:refs/heads/$production"
  git fetch "$remote"
fi
branch="release/$tag"
git switch -c "$branch" "$remote/$production"
if ! git merge --no-ff --no-edit -m "Merge $tag into $production" "$tag"; then
  # overlays/production differs on both sides whenever the tag changed it (a service added): it is written anew
  # below, so only conflicts elsewhere (a fix made on the production branch alone) need a person.
  if git diff --name-only --diff-filter=U | grep -v "^$(git rev-parse --show-prefix)overlays/production/" > /dev/null; then
    git diff --name-only --diff-filter=U >&2
    git merge --abort
    echo "deploy/release.sh: $tag does not merge into $production (above); merge it by hand" >&2
    exit 1
  fi
  echo "deploy/release.sh: overlays/production changed on $production and in $tag: it is written anew below"
  git checkout --ours -- overlays/production
  git add overlays/production
  git commit -q --no-edit
fi
cat > overlays/production/kustomization.yaml <<KUSTOMIZATION
# Production as the last release left it (topology.md says which): that tag's own overlays/production, rendered by
# deploy/release.sh with the images staging tested. \`kubectl apply -k overlays/production\` on the $production
# branch deploys it (deploy/promote.sh). Do not edit: tag a new version instead.
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- shop.yaml
KUSTOMIZATION
cp "$out/shop.yaml" overlays/production/shop.yaml
cp "$out/topology.md" overlays/production/topology.md
git add overlays/production
git commit -q -m "Release $tag to production"
git push "$remote" "$branch"
if command -v gh > /dev/null && [ -n "${GH_TOKEN:-}" ]; then
  gh pr create --base "$production" --head "$branch" --title "Release $tag to production" --body-file overlays/production/topology.md
else
  echo "deploy/release.sh: pushed $branch; open its pull request into $production (gh and GH_TOKEN are not both here)"
fi
