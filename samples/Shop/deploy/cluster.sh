#!/usr/bin/env bash
# The one place the delivery scripts touch the cluster:
#   deploy/cluster.sh apply DIR     deploy the kustomization DIR (an environment's overlay) and wait for its rollout
#   deploy/cluster.sh urls DIR      print "<service>=<URL>" for each Service of DIR, reachable from this machine
#   deploy/cluster.sh close         stop what `urls` started (port-forwards)
#   deploy/cluster.sh down          close, and on podman remove the pods (a real cluster keeps running)
#
# K8SGEN_CLUSTER=kubectl (the default): the current kubectl context, `kubectl apply -k`, `kubectl port-forward`.
# K8SGEN_CLUSTER=podman: this machine stands in for the cluster (no Kubernetes here): `podman kube play` runs the
# overlay's Deployments (and their ConfigMaps), one pod each, the first container port published on 127.0.0.1; podman has no Services,
# so a Service's URL is its Deployment's published port.
# State (port map, PIDs, what podman runs) is kept in K8SGEN_CLUSTER_STATE (default: deploy/.cluster, git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
cluster="${K8SGEN_CLUSTER:-kubectl}"
state="${K8SGEN_CLUSTER_STATE:-$PWD/deploy/.cluster}"
first_port="${K8SGEN_CLUSTER_FIRST_PORT:-18200}"
mkdir -p "$state"

# "<kind> <namespace> <name> <first port>" of every object of the rendered YAML on stdin (kustomize's output: one
# document per object, metadata's own keys indented by two spaces).
objects() {
  awk '
    function flush() { if (kind != "") print kind, (namespace == "" ? "default" : namespace), name, (port == "" ? "-" : port); kind = ""; name = ""; namespace = ""; port = ""; meta = 0 }
    /^---$/ { flush(); next }
    /^kind: / { kind = $2 }
    /^metadata:$/ { meta = 1; next }
    /^[a-z]/ { meta = 0 }
    meta && /^  name: / && name == "" { name = $2 }
    meta && /^  namespace: / { namespace = $2 }
    kind == "Service" && /^    port: / && port == "" { port = $2 }
    END { flush() }'
}

case "${1:-}" in
  apply)
    dir="$2"
    if [ "$cluster" = podman ]; then
      # Only the Deployments and the ConfigMaps they read: podman runs no Service, Ingress, autoscaler or budget, and no CronJob.
      kubectl kustomize "$dir" > "$state/rendered.yaml"
      deployments="$(objects < "$state/rendered.yaml" | awk '$1 == "Deployment" { print $3 }')"
      port="$first_port"
      : > "$state/ports"
      {
        echo "resources: [rendered.yaml]"
        echo "patches:"
        for name in $deployments; do
          echo "$name $port" >> "$state/ports"
          cat <<PATCH
- target: {kind: Deployment, name: $name}
  patch: |-
    - {op: replace, path: /spec/replicas, value: 1}
    - {op: add, path: /spec/template/spec/containers/0/ports/0/hostPort, value: $port}
    - {op: add, path: /spec/template/spec/containers/0/ports/0/hostIP, value: 127.0.0.1}
PATCH
          port=$((port + 1))
        done
      } > "$state/kustomization.yaml"
      kubectl kustomize "$state" | awk 'BEGIN { RS = "\n---\n"; ORS = "" } /\nkind: (Deployment|ConfigMap)\n/ { print (n++ ? "\n---\n" : "") $0 } END { print "\n" }' > "$state/pods.yaml"
      # --replace: pods of the same name (staging's, on this one machine) make way, as a rollout replaces pods.
      podman kube play --replace --tls-verify=false "$state/pods.yaml"
      cp "$state/pods.yaml" "$state/running.yaml"
    else
      kubectl apply -k "$dir"
      kubectl kustomize "$dir" | objects | awk '$1 == "Deployment" { print $2, $3 }' | while read -r namespace name; do
        kubectl rollout status -n "$namespace" "deployment/$name" --timeout=300s
      done
    fi
    ;;
  urls)
    dir="$2"
    kubectl kustomize "$dir" | objects | awk '$1 == "Service"' | while read -r _ namespace name service_port; do
      if [ "$cluster" = podman ]; then
        port="$(awk -v n="$name" '$1 == n { print $2 }' "$state/ports")"
      else
        touch "$state/forwards"
        port=$((first_port + $(wc -l < "$state/forwards")))
        kubectl port-forward -n "$namespace" "service/$name" "127.0.0.1:$port:$service_port" > "$state/forward-$name.log" 2>&1 &
        echo "$! $name" >> "$state/forwards"
      fi
      [ -n "$port" ] && echo "$name=http://127.0.0.1:$port"
    done
    ;;
  close | down)
    if [ -f "$state/forwards" ]; then
      while read -r pid _; do kill "$pid" 2> /dev/null || true; done < "$state/forwards"
      rm -f "$state/forwards"
    fi
    [ "$1" = close ] && exit 0
    if [ "$cluster" = podman ] && [ -f "$state/running.yaml" ]; then
      podman kube down "$state/running.yaml" > /dev/null
      rm -f "$state/running.yaml"
    fi
    ;;
  *)
    echo "usage: deploy/cluster.sh apply DIR | urls DIR | close | down" >&2
    exit 2
    ;;
esac
