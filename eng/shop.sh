#!/usr/bin/env bash
# Builds the Shop sample and prints the Kubernetes YAML K8sGen generated for each service.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build samples/Shop/Shop.sln -c Release -nologo -v quiet
dotnet run --project eng/ShowManifests -c Release -- \
  samples/Shop/Users.V1/bin/Release/net10.0/Users.V1.dll \
  samples/Shop/Users.V2/bin/Release/net10.0/Users.V2.dll \
  samples/Shop/Web/bin/Release/net10.0/Web.dll
