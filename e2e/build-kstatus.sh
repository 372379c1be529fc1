#!/usr/bin/env bash
# Builds e2e/kstatus (a tiny command around sigs.k8s.io/cli-utils' kstatus, the library Flux
# uses to tell whether a resource is ready) into a cache outside the repository, and prints
# the binary's path. Like build-control-plane.sh: a second run with the same pin does nothing.
#
#   e2e/build-kstatus.sh          build if missing or stale, print the binary's path
#   e2e/build-kstatus.sh --path   only print the path (nothing is built)
set -euo pipefail

src="$(cd "$(dirname "$0")" && pwd)/kstatus"
version=$(awk '$1 == "sigs.k8s.io/cli-utils" { print $2; exit }' "$src/go.mod")
if [[ -z $version ]]; then
  echo "build-kstatus: cannot read the sigs.k8s.io/cli-utils version from $src/go.mod" >&2
  exit 1
fi
out="${TLSCHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tlscheck}/kstatus-cli-utils-$version"
bin="$out/kstatus"

if [[ ${1:-} == --path ]]; then
  echo "$bin"
  exit 0
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--path]" >&2
  exit 2
fi

# shellcheck source=lib/stamped-go-build.sh
source "$(dirname "$0")/lib/stamped-go-build.sh"
stamped_go_build "$bin" "$src" .
echo "$bin"
