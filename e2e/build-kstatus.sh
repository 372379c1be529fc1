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

# The binary is stale when the module (go.mod, go.sum, main.go) it was built from changed.
want=$(cd "$src" && cat go.mod go.sum ./*.go | sha256sum | cut -d' ' -f1)
if [[ -x $bin && -f $out/.kstatus.stamp && $(cat "$out/.kstatus.stamp") == "$want" ]]; then
  echo "$bin"
  exit 0
fi
if ! command -v go >/dev/null; then
  echo "build-kstatus: Go is not installed (needs the version named in $src/go.mod or newer)" >&2
  exit 1
fi
echo "build-kstatus: building kstatus from $src (cli-utils $version)" >&2
mkdir -p "$out"
tmp="$out/.kstatus.tmp.$$"
trap 'rm -f "$tmp"' EXIT
# Same choices as build-control-plane.sh: the installed Go only, static, no VCS stamp.
(cd "$src" && GOTOOLCHAIN=local CGO_ENABLED=0 nice -n 19 go build -trimpath -buildvcs=false -o "$tmp" .)
mv -f "$tmp" "$bin"
echo "$want" >"$out/.kstatus.stamp"
echo "$bin"
