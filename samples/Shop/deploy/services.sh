#!/usr/bin/env bash
# The Shop's deployable projects, one per line: every project that references K8sGen (the services through
# Directory.Build.targets' IsShopService, others directly). Nothing to keep in step when a service is added.
set -euo pipefail
cd "$(dirname "$0")/.."
grep -l -E '<IsShopService>true</IsShopService>|<PackageReference Include="K8sGen"' -- */*.csproj | xargs -n1 dirname | sort
