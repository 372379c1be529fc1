#!/usr/bin/env bash
# A real Kubernetes control plane for the tests: etcd and kube-apiserver on 127.0.0.1.
#
#   e2e/control-plane.sh up [--watch-pid PID]   start (or reuse) the plane, wait for /readyz
#   e2e/control-plane.sh down                   stop both processes, remove their data
#   e2e/control-plane.sh env                    print `export KUBECONFIG=...`
#   e2e/control-plane.sh status                 say whether it is up (exit 0) or not (exit 1)
#   e2e/control-plane.sh restart-apiserver      stop kube-apiserver, start it again (same port, same data)
#
# Everything lives in e2e/.work/ (git-ignored): certificates and keys made on the spot with
# openssl, etcd's data, the logs (etcd.log, kube-apiserver.log) and the admin kubeconfig.
# RBAC is on and ServiceAccount tokens are issued (`kubectl create token` works). There is no
# controller-manager, scheduler or kubelet: nothing creates EndpointSlices, default
# ServiceAccounts or garbage-collects, and Pods are never run.
#
# `up --watch-pid PID` ties a plane that this call starts to process PID: a small watcher
# runs `down` when PID exits, however it exits (the Java tests pass their JVM's pid). A plane
# that is already up and healthy is reused as is; a broken or half-dead one is replaced.
#
# Binaries come from e2e/build-control-plane.sh (CONTROL_PLANE_BIN overrides the directory).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
work="$here/.work"
pki="$work/pki"
state="$work/state"
kubeconfig="$work/kubeconfig"
ready_timeout=${CONTROL_PLANE_READY_TIMEOUT:-90}

say() { echo "control-plane: $*" >&2; }
die() {
  say "$*"
  exit 1
}

bin_dir() { echo "${CONTROL_PLANE_BIN:-$("$here/build-control-plane.sh" --dir)}"; }
# The kubectl built with the plane (same release), else one from PATH.
kubectl() {
  if [[ -x "$(bin_dir)/kubectl" ]]; then "$(bin_dir)/kubectl" "$@"; else command kubectl "$@"; fi
}

# --- state: one key=value per line, written only after the plane is ready ----------------

state_get() { if [[ -f $state ]]; then sed -n "s/^$1=//p" "$state" | head -n1; fi; }

# pid_alive PID BINARY: PID is running and is that binary (a recycled pid is not ours).
pid_alive() {
  local pid=$1 exe=$2
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ -z $exe ]] && return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$exe"
}

is_ready() {
  [[ -f $kubeconfig ]] || return 1
  kubectl --kubeconfig "$kubeconfig" --request-timeout=2s get --raw /readyz >/dev/null 2>&1
}

# The plane described by the state file is running and answers /readyz.
is_up() {
  [[ -f $state ]] || return 1
  pid_alive "$(state_get etcd_pid)" "$(state_get etcd_bin)" &&
    pid_alive "$(state_get apiserver_pid)" "$(state_get apiserver_bin)" &&
    is_ready
}

# --- stopping ---------------------------------------------------------------------------

# stop PID BINARY NAME: TERM, up to 15 s of grace, then KILL.
stop() {
  local pid=$1 exe=$2 name=$3
  pid_alive "$pid" "$exe" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do
    pid_alive "$pid" "$exe" || return 0
    sleep 0.1
  done
  say "$name (pid $pid) ignored SIGTERM for 15s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# Stops whatever the state file or the pid files name; removes data, keys and kubeconfig.
# Logs stay, for the post-mortem of a failed run.
teardown() {
  local watcher
  watcher=$(state_get watcher_pid)
  # The watcher is a bash running this script; it is only ever ours.
  if [[ -n $watcher && $watcher != "${BASHPID:-$$}" ]] && pid_alive "$watcher" "control-plane.sh"; then
    kill -TERM "$watcher" 2>/dev/null || true
  fi
  stop "$(state_get apiserver_pid || true)" "$(state_get apiserver_bin)" kube-apiserver
  [[ -f $work/kube-apiserver.pid ]] && stop "$(cat "$work/kube-apiserver.pid")" kube-apiserver kube-apiserver
  stop "$(state_get etcd_pid)" "$(state_get etcd_bin)" etcd
  [[ -f $work/etcd.pid ]] && stop "$(cat "$work/etcd.pid")" etcd etcd
  rm -rf "$work/etcd-data" "$work/kube-cache" "$pki" "$kubeconfig" "$state" "$work"/*.pid
}

# --- starting ---------------------------------------------------------------------------

# free_port VAR: sets VAR to a TCP port on 127.0.0.1 that nothing listens on, below the
# kernel's ephemeral range so an outgoing connection will not grab it before the bind. (Not
# `$(free_port)`: the subshell would forget taken_ports.)
taken_ports=" "
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 12000))
    [[ $taken_ports == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      taken_ports+="$port "
      printf -v "$1" %s "$port"
      return
    fi
  done
  die "no free port found on 127.0.0.1"
}

make_pki() {
  mkdir -p "$pki"
  (
    cd "$pki"
    umask 077
    local days=30
    # One CA signs the serving certificate and the admin's client certificate.
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days "$days" \
      -subj "/CN=tlscheck-e2e-ca" -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    # sign NAME SUBJECT EXTENSIONS
    sign() {
      openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "$2" 2>/dev/null
      printf '%s\n' "$3" >"$1.ext"
      openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days "$days" \
        -extfile "$1.ext" -out "$1.crt" 2>/dev/null
      rm -f "$1.csr" "$1.ext"
    }
    sign apiserver "/CN=kube-apiserver" "$(printf '%s\n' \
      "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
      "extendedKeyUsage=serverAuth" \
      "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:10.0.0.1")"
    # system:masters is the bootstrap superuser group: the admin needs no RBAC binding.
    sign admin "/O=system:masters/CN=tlscheck-e2e-admin" "$(printf '%s\n' \
      "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
      "extendedKeyUsage=clientAuth")"
    # The key pair that signs and verifies ServiceAccount tokens.
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out sa.key 2>/dev/null
    openssl pkey -in sa.key -pubout -out sa.pub 2>/dev/null
  ) || die "openssl failed to make the certificates in $pki"
}

write_kubeconfig() {
  local port=$1 tmp="$kubeconfig.tmp"
  b64() { base64 -w0 <"$1"; }
  umask 077
  cat >"$tmp" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: tlscheck-e2e
  cluster:
    server: https://127.0.0.1:$port
    certificate-authority-data: $(b64 "$pki/ca.crt")
users:
- name: tlscheck-e2e-admin
  user:
    client-certificate-data: $(b64 "$pki/admin.crt")
    client-key-data: $(b64 "$pki/admin.key")
contexts:
- name: tlscheck-e2e
  context:
    cluster: tlscheck-e2e
    user: tlscheck-e2e-admin
current-context: tlscheck-e2e
EOF
  mv -f "$tmp" "$kubeconfig"
}

# spawn NAME LOG BINARY ARGS...: runs detached (own session, no terminal, no inherited
# pipes, so a caller reading our output is not kept waiting, and not the lock's fd 9, which
# would keep e2e/.work/.lock held for as long as the process lives) and prints its pid.
spawn() {
  local name=$1 log=$2
  shift 2
  setsid "$@" </dev/null >>"$log" 2>&1 9>&- &
  echo $! >"$work/$name.pid"
  echo $!
}

# Prints the last lines of a log, indented, for an error message.
log_tail() { if [[ -f $1 ]]; then tail -n "${2:-15}" "$1" | sed 's/^/    /' >&2; fi; }

start_watcher() {
  local owner=$1
  # Re-runs this script as `__watch`, detached like the servers.
  setsid bash "$here/control-plane.sh" __watch "$owner" </dev/null >>"$work/watcher.log" 2>&1 9>&- &
  echo $!
}

# spawn_apiserver BINARY API_PORT ETCD_PORT: starts kube-apiserver detached, prints its pid.
# One place for its flags, so that restart-apiserver brings back the same server.
spawn_apiserver() {
  local apiserver=$1 api_port=$2 etcd_port=$3
  spawn kube-apiserver "$work/kube-apiserver.log" "$apiserver" \
    --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$api_port" \
    --etcd-servers="http://127.0.0.1:$etcd_port" \
    --tls-cert-file="$pki/apiserver.crt" --tls-private-key-file="$pki/apiserver.key" \
    --client-ca-file="$pki/ca.crt" \
    --authorization-mode=Node,RBAC \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --service-account-signing-key-file="$pki/sa.key" --service-account-key-file="$pki/sa.pub" \
    --service-cluster-ip-range=10.0.0.0/24 \
    --endpoint-reconciler-type=none \
    --allow-privileged=true \
    --profiling=false
}

# Starts etcd and kube-apiserver on fresh ports and waits for /readyz. Sets launched=yes when
# ready, launched=retry when a port was taken between choosing and binding it (worth another
# try: nothing is left running); exits on any other failure, after cleaning up. Also sets
# etcd_port, api_port, etcd_pid and apiserver_pid. (Status goes in a variable, not the return
# code: a function called as `launch || ...` would run with `set -e` switched off.)
etcd_port="" api_port="" etcd_pid="" apiserver_pid=""
launch() {
  local etcd=$1 apiserver=$2 peer_port
  free_port etcd_port
  free_port peer_port
  free_port api_port

  : >"$work/etcd.log"
  : >"$work/kube-apiserver.log"
  # --endpoint-reconciler-type=none: since 1.37 the reconcilers that publish the `kubernetes`
  # Service's endpoints refuse a loopback advertise address, and nothing in-cluster needs them.
  # --unsafe-no-fsync: test data only, and it makes etcd fast on slow disks.
  etcd_pid=$(spawn etcd "$work/etcd.log" "$etcd" \
    --name=tlscheck-e2e --data-dir="$work/etcd-data" \
    --listen-client-urls="http://127.0.0.1:$etcd_port" --advertise-client-urls="http://127.0.0.1:$etcd_port" \
    --listen-peer-urls="http://127.0.0.1:$peer_port" --initial-advertise-peer-urls="http://127.0.0.1:$peer_port" \
    --initial-cluster="tlscheck-e2e=http://127.0.0.1:$peer_port" \
    --unsafe-no-fsync --log-level=warn)

  apiserver_pid=$(spawn_apiserver "$apiserver" "$api_port" "$etcd_port")

  # The pid files exist from here, so a failure below is cleaned up by teardown.
  write_kubeconfig "$api_port"
  local deadline=$((SECONDS + ready_timeout))
  until is_ready; do
    if ! pid_alive "$etcd_pid" "$etcd"; then
      startup_failed etcd "$work/etcd.log"
      launched=retry
      return
    fi
    if ! pid_alive "$apiserver_pid" "$apiserver"; then
      startup_failed kube-apiserver "$work/kube-apiserver.log"
      launched=retry
      return
    fi
    if ((SECONDS >= deadline)); then
      say "kube-apiserver was not ready after ${ready_timeout}s; what /readyz says:"
      kubectl --kubeconfig "$kubeconfig" --request-timeout=5s get --raw '/readyz?verbose' 2>&1 | grep -v ' ok$' | sed 's/^/    /' >&2 || true
      say "the end of $work/kube-apiserver.log:"
      log_tail "$work/kube-apiserver.log"
      teardown
      exit 1
    fi
    sleep 0.2
  done
  launched=yes
}

# startup_failed NAME LOG: a process died before the plane was ready. Returns (after cleaning
# up) only when it died because its port was taken meanwhile.
startup_failed() {
  local name=$1 log=$2
  if grep -q 'address already in use' "$log"; then
    say "$name lost a race for its port; trying other ports"
    teardown
    return
  fi
  say "$name exited during start-up; the end of $log:"
  log_tail "$log"
  teardown
  exit 1
}

up() {
  local watch_pid=""
  while [[ $# -gt 0 ]]; do
    case $1 in
      --watch-pid) watch_pid=${2:?--watch-pid needs a pid}; shift 2 ;;
      *) die "unknown option for up: $1" ;;
    esac
  done
  [[ -z $watch_pid ]] || kill -0 "$watch_pid" 2>/dev/null || die "--watch-pid $watch_pid: no such process"

  if is_up; then
    say "reusing the running plane at $(state_get server) (started $(state_get started))"
    local owner
    owner=$(state_get owner_pid)
    # Adopt a plane whose owner is gone (a run that was killed before its watcher could act).
    if [[ -n $watch_pid && -n $owner ]] && ! kill -0 "$owner" 2>/dev/null; then
      say "its owner (pid $owner) is gone; adopting it for pid $watch_pid"
      sed -i "s/^owner_pid=.*/owner_pid=$watch_pid/; s/^watcher_pid=.*/watcher_pid=$(start_watcher "$watch_pid")/" "$state"
    fi
    print_env
    return
  fi
  if [[ -f $state || -f $work/etcd.pid || -f $work/kube-apiserver.pid || -d $work/etcd-data ]]; then
    say "found a stale or broken plane in $work; stopping it and starting afresh"
    teardown
  fi

  [[ -x "$(bin_dir)/kubectl" ]] || command -v kubectl >/dev/null || die "kubectl is missing: e2e/build-control-plane.sh builds it"
  command -v openssl >/dev/null || die "openssl is not installed (apt-get install openssl)"
  local bin etcd apiserver
  bin=$(bin_dir)
  etcd="$bin/etcd" apiserver="$bin/kube-apiserver"
  for b in "$etcd" "$apiserver"; do
    [[ -x $b ]] || die "$b is missing: build it first with e2e/build-control-plane.sh (a few minutes, once)"
  done

  local started=$SECONDS
  mkdir -p "$work"
  # Interrupted half-way: leave nothing running.
  trap 'say "interrupted; stopping what was started"; teardown; exit 130' INT TERM
  make_pki
  local attempt launched=""
  for attempt in 1 2 3; do
    launch "$etcd" "$apiserver"
    [[ $launched == yes ]] && break
    ((attempt < 3)) || die "three attempts lost the race for free ports; giving up"
    make_pki
  done

  local watcher_pid=""
  [[ -n $watch_pid ]] && watcher_pid=$(start_watcher "$watch_pid")
  cat >"$state.tmp" <<EOF
server=https://127.0.0.1:$api_port
etcd=http://127.0.0.1:$etcd_port
etcd_pid=$etcd_pid
etcd_bin=$etcd
apiserver_pid=$apiserver_pid
apiserver_bin=$apiserver
owner_pid=$watch_pid
watcher_pid=$watcher_pid
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
EOF
  mv -f "$state.tmp" "$state"
  trap - INT TERM
  say "ready in $((SECONDS - started))s: kube-apiserver https://127.0.0.1:$api_port, etcd http://127.0.0.1:$etcd_port${watch_pid:+, stops when pid $watch_pid exits}"
  print_env
}

print_env() {
  echo "export KUBECONFIG=$kubeconfig"
  [[ -x "$(bin_dir)/kubectl" ]] && echo "export PATH=$(bin_dir):\$PATH"
  return 0
}

# Stops kube-apiserver and starts it again on the same port with the same etcd, certificates
# and keys (ServiceAccount tokens stay valid): what clients see when an API server is
# upgraded or crashes. etcd, and so every object, survives.
restart_apiserver() {
  is_up || die "the plane is not up"
  local bin api_port etcd_port pid started=$SECONDS
  bin=$(state_get apiserver_bin)
  api_port=$(state_get server | sed 's/.*://')
  etcd_port=$(state_get etcd | sed 's/.*://')
  stop "$(state_get apiserver_pid)" "$bin" kube-apiserver
  pid=$(spawn_apiserver "$bin" "$api_port" "$etcd_port")
  sed -i "s/^apiserver_pid=.*/apiserver_pid=$pid/" "$state"
  local deadline=$((SECONDS + ready_timeout))
  until is_ready; do
    pid_alive "$pid" "$bin" || { say "kube-apiserver exited while restarting:"; log_tail "$work/kube-apiserver.log"; exit 1; }
    ((SECONDS < deadline)) || die "kube-apiserver was not ready ${ready_timeout}s after its restart"
    sleep 0.2
  done
  say "kube-apiserver restarted in $((SECONDS - started))s on https://127.0.0.1:$api_port (pid $pid)"
}

status() {
  if is_up; then
    echo "up: kube-apiserver $(state_get server) (pid $(state_get apiserver_pid)), etcd $(state_get etcd) (pid $(state_get etcd_pid)), since $(state_get started)"
    local owner
    owner=$(state_get owner_pid)
    [[ -z $owner ]] || echo "owned by pid $owner: stops when it exits"
    echo "KUBECONFIG=$kubeconfig"
    return 0
  fi
  if [[ -f $state ]]; then
    echo "broken: the state file names a plane that is not running or not ready (\`$0 down\` cleans up)"
  else
    echo "down"
  fi
  return 1
}

# Runs detached; waits for the owner to exit, then takes the plane down.
watch() {
  local owner=$1
  trap 'exit 0' TERM
  while kill -0 "$owner" 2>/dev/null; do
    sleep 1 &
    wait $! || true
  done
  # Still ours? A later `up` may have replaced the plane (and its watcher).
  if [[ $(state_get owner_pid) == "$owner" ]]; then
    echo "$(date -u +%FT%TZ) owner pid $owner exited; taking the plane down"
    locked teardown
  fi
}

# Runs "$@" holding the lock on e2e/.work, so concurrent up/down calls do not interleave.
locked() {
  mkdir -p "$work"
  if command -v flock >/dev/null; then
    exec 9>"$work/.lock"
    flock -w 120 9 || die "another control-plane.sh call has held $work/.lock for 2 minutes"
  fi
  "$@"
}

cmd=${1:-}
[[ $# -gt 0 ]] && shift
case $cmd in
  up) locked up "$@" ;;
  down)
    locked teardown
    say "down"
    ;;
  restart-apiserver) locked restart_apiserver ;;
  env) print_env ;;
  status) status ;;
  __watch) watch "$@" ;;
  *)
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
