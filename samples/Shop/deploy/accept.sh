#!/usr/bin/env bash
# The acceptance tests of a deployment: deploy/accept.sh overlays/staging (or overlays/production), after
# deploy/cluster.sh apply of the same folder. Each service's K8sGenSmokeTest calls every probe, route and scrape
# path its attributes declare, through the Services of that environment, and fails on any that does not answer.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:?usage: deploy/accept.sh OVERLAY_DIR}"
trap 'deploy/cluster.sh close' EXIT
urls="$(deploy/cluster.sh urls "$dir" | paste -s -d ' ')"
echo "deploy/accept.sh: $dir: $urls"
for project in $(deploy/services.sh); do
  dotnet build "$project" -c Release -nologo -v minimal -t:K8sGenSmokeTest "-p:K8sGenSmokeUrls=$urls" | grep -E "K8sGen smoke test:|error|warn" || { echo "deploy/accept.sh: $project failed its acceptance tests in $dir" >&2; exit 1; }
done
