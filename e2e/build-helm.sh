#!/usr/bin/env bash
# Builds helm from the Go module pinned in e2e/helm/ (go.mod + go.sum) into a cache outside the
# repository, and prints the path of the binary. The chart tests (HelmChartIT) run it.
#
#   e2e/build-helm.sh          build it when missing or stale, print the path
#   e2e/build-helm.sh --path   only print the path (nothing is built)
#
# The binary is ${TLSCHECK_CACHE:-~/.cache/tlscheck}/helm-<version>/helm. It counts as present
# when it exists and its stamp matches the hash of the go.mod, go.sum and flags it was built
# from: a changed pin rebuilds, an unchanged one is a no-op. Builds run under `nice`.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src="$here/helm"
pkg=helm.sh/helm/v3/cmd/helm

# The version comes from go.mod, so the pin lives in one place.
version=$(awk '$1 == "helm.sh/helm/v3" { print $2; exit }' "$src/go.mod")
client_go=$(awk '$1 == "k8s.io/client-go" { print $2; exit }' "$src/go.mod")
if [[ -z $version || -z $client_go ]]; then
  echo "build-helm: cannot read the pinned helm and client-go versions from $src/go.mod" >&2
  exit 1
fi
out="${TLSCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tlscheck}/helm-$version"

if [[ ${1:-} == --path ]]; then
  echo "$out/helm"
  exit 0
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--path]" >&2
  exit 2
fi

# What helm's own Makefile stamps in: the release (else `helm version` says just "v3.22") and
# the Kubernetes version of its client-go (v0.37 -> 1.37), which `helm template` and
# `helm lint` assume for .Capabilities.KubeVersion when there is no cluster to ask.
minor=${client_go#v0.}
minor=${minor%%.*}
ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=$version"
for p in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
  ldflags+=" -X $p.k8sVersionMajor=1 -X $p.k8sVersionMinor=$minor"
done

# shellcheck source=lib/stamped-go-build.sh
source "$here/lib/stamped-go-build.sh"
stamped_go_build "$out/helm" "$src" "$pkg" -ldflags "$ldflags"
echo "$out/helm"
