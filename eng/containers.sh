#!/usr/bin/env bash
# Containers without Docker, on Debian, offline (facts in shared/docs/environment.md):
#   eng/containers.sh install       apt-get install what is missing (docker-registry, skopeo, umoci, podman, runc, catatonit)
#   eng/containers.sh start         a registry on 127.0.0.1:5000 (PID in artifacts/containers/registry.pid)
#   eng/containers.sh base-image    build (once, cached) and push localhost:5000/dotnet/aspnet:10.0 from this machine's .NET runtime
#   eng/containers.sh stop          stop the registry started here, by its PID
#   eng/containers.sh env           print the exports podman needs here (eval "$(eng/containers.sh env)")
# Every step is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD/artifacts/containers"
registry="127.0.0.1:5000"
base_ref="localhost:5000/dotnet/aspnet:10.0"
mkdir -p "$root"

podman_env() {
  mkdir -p "$root/podman"
  # runc and explicit ulimits: crun fails here on RLIMIT_NOFILE and hybrid cgroups.
  cat > "$root/podman/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
[engine]
runtime = "runc"
CONF
  cat > "$root/podman/storage.conf" <<CONF
[storage]
driver = "vfs"
graphroot = "$root/podman/storage"
runroot = "$root/podman/run"
CONF
  cat > "$root/podman/registries.conf" <<CONF
unqualified-search-registries = []
[[registry]]
location = "localhost:5000"
insecure = true
[[registry]]
location = "127.0.0.1:5000"
insecure = true
CONF
  echo "export CONTAINERS_CONF='$root/podman/containers.conf' CONTAINERS_STORAGE_CONF='$root/podman/storage.conf' CONTAINERS_REGISTRIES_CONF='$root/podman/registries.conf'"
}

case "${1:-}" in
  install)
    missing=()
    for tool in docker-registry skopeo umoci podman runc catatonit; do
      command -v "$tool" > /dev/null || missing+=("$tool")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-registry skopeo umoci podman runc catatonit > /dev/null
    fi
    ;;
  start)
    if [ -f "$root/registry.pid" ] && kill -0 "$(cat "$root/registry.pid")" 2> /dev/null; then
      exit 0
    fi
    mkdir -p "$root/registry/data"
    cat > "$root/registry/config.yml" <<CONF
version: 0.1
storage:
  filesystem:
    rootdirectory: $root/registry/data
  delete:
    enabled: true
http:
  addr: $registry
CONF
    docker-registry serve "$root/registry/config.yml" > "$root/registry/registry.log" 2>&1 &
    echo $! > "$root/registry.pid"
    for _ in $(seq 1 50); do
      curl -fsS "http://$registry/v2/" > /dev/null 2>&1 && exit 0
      sleep 0.2
    done
    echo "registry did not start; see $root/registry/registry.log" >&2
    exit 1
    ;;
  base-image)
    layout="$root/base-oci"
    if [ ! -d "$layout" ]; then
      work="$(mktemp -d)"
      trap 'rm -rf "$work"' EXIT
      rootfs="$work/rootfs"
      mkdir -p "$rootfs" "$work/debs"
      packages=(libc6 libgcc-s1 libstdc++6 libssl3 zlib1g libicu72 tzdata ca-certificates)
      (cd "$work/debs" && { apt-get download -qq "${packages[@]}" > /dev/null 2>&1 || { apt-get update -qq && apt-get download -qq "${packages[@]}" > /dev/null; }; })
      for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$rootfs"; done
      mkdir -p "$rootfs/etc/ssl/certs" "$rootfs/tmp" "$rootfs/app" "$rootfs/usr/share/dotnet/shared" "$rootfs/usr/bin"
      cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/"
      printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654::/home/app:/sbin/nologin\n' > "$rootfs/etc/passwd"
      printf 'root:x:0:\napp:x:1654:\n' > "$rootfs/etc/group"
      dotnet_root=/usr/share/dotnet
      runtime="$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | sort -V | grep '^10\.' | tail -1)"
      cp "$dotnet_root/dotnet" "$rootfs/usr/share/dotnet/"
      cp -r "$dotnet_root/host" "$rootfs/usr/share/dotnet/"
      for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
        mkdir -p "$rootfs/usr/share/dotnet/shared/$framework"
        cp -r "$dotnet_root/shared/$framework/$runtime" "$rootfs/usr/share/dotnet/shared/$framework/"
      done
      ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
      chmod 1777 "$rootfs/tmp"
      umoci init --layout "$work/oci"
      umoci new --image "$work/oci:10.0"
      umoci insert --image "$work/oci:10.0" "$rootfs" /
      umoci config --image "$work/oci:10.0" --config.user 1654 --config.workingdir /app \
        --config.env APP_UID=1654 --config.env ASPNETCORE_HTTP_PORTS=8080 --config.env DOTNET_RUNNING_IN_CONTAINER=true \
        --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --config.exposedports 8080/tcp
      mv "$work/oci" "$layout"
    fi
    skopeo copy -q --dest-tls-verify=false "oci:$layout:10.0" "docker://$base_ref"
    echo "$base_ref"
    ;;
  stop)
    if [ -f "$root/registry.pid" ]; then
      kill "$(cat "$root/registry.pid")" 2> /dev/null || true
      rm -f "$root/registry.pid"
    fi
    ;;
  env)
    podman_env
    ;;
  *)
    sed -n '2,9p' "$0"
    exit 2
    ;;
esac
