#!/usr/bin/env bash
# Builds the test control plane (kube-apiserver, etcd, and kubectl) from the Go modules pinned in
# e2e/control-plane/ into a cache outside the repository, and prints the directory.
#
#   e2e/build-control-plane.sh          build what is missing or stale, print the directory
#   e2e/build-control-plane.sh --dir    only print the directory (nothing is built)
#
# The cache is ${TLSCHECK_CACHE:-~/.cache/tlscheck}/k8s-<kube version>-etcd-<etcd version>/.
# A binary counts as present when it exists and its stamp matches the hash of the go.mod,
# go.sum, sources and flags it was built from: a changed pin rebuilds, an unchanged one is a
# no-op. Builds run under `nice`; set GOFLAGS=-p=1 to use a single core.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src="$here/control-plane"

# The versions come from the go.mod files, so the pin lives in one place.
kube_version=$(awk '$1 == "k8s.io/kubernetes" { print $2; exit }' "$src/go.mod")
etcd_version=$(awk '$1 == "go.etcd.io/etcd/server/v3" { print $2; exit }' "$src/etcd/go.mod")
if [[ -z $kube_version || -z $etcd_version ]]; then
  echo "build-control-plane: cannot read the pinned versions from $src/go.mod and $src/etcd/go.mod" >&2
  exit 1
fi
out="${TLSCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tlscheck}/k8s-$kube_version-etcd-$etcd_version"

if [[ ${1:-} == --dir ]]; then
  echo "$out"
  exit 0
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--dir]" >&2
  exit 2
fi

# shellcheck source=lib/stamped-go-build.sh
source "$here/lib/stamped-go-build.sh"

# What upstream's hack/lib/version.sh stamps in, so /version and kubectl report the release
# rather than v0.0.0-master.
minor=${kube_version#v*.}
minor=${minor%%.*}
version_ldflags=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  version_ldflags+=" -X $pkg.gitVersion=$kube_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  version_ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
done

stamped_go_build "$out/kube-apiserver" "$src" . -ldflags "-s -w$version_ldflags"
stamped_go_build "$out/etcd" "$src/etcd" go.etcd.io/etcd/server/v3 -ldflags "-s -w"

# kubectl of the same release, so the directory is a complete toolbox and a fresh machine needs
# no kubectl of its own (the scripts and tests use it before any kubectl on PATH).
stamped_go_build "$out/kubectl" "$src" k8s.io/kubernetes/cmd/kubectl -ldflags "-s -w$version_ldflags"

echo "$out"
