# Sourced by e2e/build-*.sh: builds a Go binary into the cache only when it is missing or
# stale. A binary is stale when its stamp differs from the hash of the module it comes from
# (go.mod, go.sum, *.go) and the build flags: a changed pin or flag rebuilds, an unchanged one
# is a no-op.

# stamped_go_build <binary path> <module dir> <package> [go build flags...]
stamped_go_build() {
  local bin=$1 dir=$2 pkg=$3
  shift 3
  local name out want me
  name=$(basename "$bin")
  out=$(dirname "$bin")
  me=$(basename "$0" .sh)
  want=$(printf "%s\n" "$(cd "$dir" && shopt -s nullglob && cat go.mod go.sum ./*.go | sha256sum | cut -d' ' -f1)" "$*" \
    | sha256sum | cut -d" " -f1)
  if [[ -x $bin && -f $out/.$name.stamp && $(cat "$out/.$name.stamp") == "$want" ]]; then
    echo "$me: $name is up to date" >&2
    return 0
  fi
  if ! command -v go >/dev/null; then
    echo "$me: Go is not installed (needs the version named in $dir/go.mod or newer)" >&2
    return 1
  fi
  echo "$me: building $name from $dir (takes minutes on a cold Go cache)" >&2
  mkdir -p "$out"
  local started=$SECONDS tmp="$out/.$name.tmp.$$"
  # GOTOOLCHAIN=local: use the installed Go, never fetch another toolchain behind our back.
  # -mod=readonly: go.sum is the pin; a module it does not list is an error, not a download.
  # CGO off, like upstream's release binaries: static, no C toolchain needed. No VCS stamp:
  # the build must not depend on git or on the state of this checkout.
  # A half-written binary never stays behind, whatever ends the build.
  trap 'rm -f "$tmp"' EXIT
  (cd "$dir" && GOTOOLCHAIN=local GOFLAGS="-mod=readonly ${GOFLAGS:-}" CGO_ENABLED=0 \
    nice -n 19 go build -trimpath -buildvcs=false -o "$tmp" "$@" "$pkg")
  mv -f "$tmp" "$bin"
  trap - EXIT
  echo "$want" >"$out/.$name.stamp"
  echo "$me: built $name in $((SECONDS - started))s" >&2
}
