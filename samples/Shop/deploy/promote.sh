#!/usr/bin/env bash
# On a push to the production branch (a merged release pull request; the workflow's production job): deploy
# overlays/production as deploy/release.sh wrote it, and run its acceptance tests. Nothing is built or pushed:
# the images and manifests are the ones staging passed with.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ ! -f overlays/production/shop.yaml ]; then
  echo "deploy/promote.sh: nothing released to production yet (deploy/release.sh proposes the first release)"
  exit 0
fi
echo "=== production: $(head -1 overlays/production/topology.md | sed 's/^# //')"
deploy/cluster.sh apply overlays/production
deploy/accept.sh overlays/production
