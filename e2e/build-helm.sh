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

if ! command -v go >/dev/null; then
  echo "build-helm: Go is not installed (needs the version named in $src/go.mod or newer)" >&2
  exit 1
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

want=$( (cd "$src" && cat go.mod go.sum && echo "$ldflags") | sha256sum | cut -d' ' -f1)
if [[ -x $out/helm && -f $out/.helm.stamp && $(cat "$out/.helm.stamp") == "$want" ]]; then
  echo "build-helm: helm $version is up to date" >&2
  echo "$out/helm"
  exit 0
fi

mkdir -p "$out"
tmp="$out/.helm.tmp.$$"
trap 'rm -f "$tmp"' EXIT
echo "build-helm: building helm $version from $src (a minute or more on a cold Go cache)" >&2
started=$SECONDS
# GOTOOLCHAIN=local: use the installed Go, never fetch another toolchain behind our back.
# -mod=readonly: go.sum is the pin; a module it does not list is an error, not a download.
# CGO off, like upstream's release binaries. No VCS stamp: the build must not depend on git.
(cd "$src" && GOTOOLCHAIN=local GOFLAGS=-mod=readonly CGO_ENABLED=0 \
  nice -n 19 go build -trimpath -buildvcs=false -ldflags "$ldflags" -o "$tmp" "$pkg")
mv -f "$tmp" "$out/helm"
echo "$want" >"$out/.helm.stamp"
echo "build-helm: built helm $version in $((SECONDS - started))s" >&2
echo "$out/helm"
