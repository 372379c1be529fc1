#!/usr/bin/env bash
# Side-by-side benchmark: `tlscheck bench` against prometheus-blackbox-exporter (tcp prober,
# tls: true), both validating chain and hostname against the same nginx on 127.0.0.1, with an
# RSA-2048 and an ECDSA P-256 certificate, at the same concurrency, in alternating rounds.
# Prints the median rate of each and the ratio per key type. See bench/README.md.
#
# Usage: bench/run.sh [--rounds N] [--duration 10s] [--concurrency 8] [--only both|blackbox|tlscheck]
#                     [--keys "rsa ecdsa"] [--keep]
# The same settings can be given as environment variables: ROUNDS, DURATION, CONCURRENCY,
# ONLY, KEYS, KEEP=1, plus NGINX_WORKERS (default auto), WRK_THREADS (default 2),
# TLSCHECK (default bin/tlscheck), GOAL (default 1.2), STRICT=1 (exit 1 when a ratio misses
# the goal), COOLDOWN (seconds between runs, default 1), OTHER_CPU_LIMIT (default 25: % of a
# core other processes may use before a run counts as disturbed), RETRIES (default 2: reruns of
# a disturbed run), WAIT_IDLE (default 120: seconds to wait for an idle machine, at the start
# and before a rerun).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONCURRENCY=${CONCURRENCY:-8}
ONLY=${ONLY:-both}
KEYS=${KEYS:-rsa ecdsa}
KEEP=${KEEP:-0}
NGINX_WORKERS=${NGINX_WORKERS:-auto}
WRK_THREADS=${WRK_THREADS:-2}
TLSCHECK=${TLSCHECK:-$REPO/bin/tlscheck}
GOAL=${GOAL:-1.2}
STRICT=${STRICT:-0}
COOLDOWN=${COOLDOWN:-1}
OTHER_CPU_LIMIT=${OTHER_CPU_LIMIT:-25}
RETRIES=${RETRIES:-2}
WAIT_IDLE=${WAIT_IDLE:-120}
SERVER_NAME=bench.tlscheck.test

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "bench: $*" >&2; exit 2; }
say() { echo "bench: $*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=${2:?}; shift 2 ;;
    --duration) DURATION=${2:?}; shift 2 ;;
    --concurrency) CONCURRENCY=${2:?}; shift 2 ;;
    --only) ONLY=${2:?}; shift 2 ;;
    --keys) KEYS=${2:?}; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

# Everything is bounded: a few rounds of at most a few minutes each.
[[ $ROUNDS =~ ^[0-9]+$ ]] && [ "$ROUNDS" -ge 1 ] && [ "$ROUNDS" -le 20 ] || die "--rounds must be 1..20"
[[ $CONCURRENCY =~ ^[0-9]+$ ]] && [ "$CONCURRENCY" -ge 1 ] && [ "$CONCURRENCY" -le 256 ] || die "--concurrency must be 1..256"
if [[ $DURATION =~ ^([0-9]+)s?$ ]]; then SECONDS_PER_RUN=${BASH_REMATCH[1]}
elif [[ $DURATION =~ ^([0-9]+)m$ ]]; then SECONDS_PER_RUN=$((BASH_REMATCH[1] * 60))
else die "--duration must look like 10s or 2m"; fi
[ "$SECONDS_PER_RUN" -ge 1 ] && [ "$SECONDS_PER_RUN" -le 600 ] || die "--duration must be 1s..10m"
DURATION=${SECONDS_PER_RUN}s
case "$ONLY" in both|blackbox|tlscheck) ;; *) die "--only must be both, blackbox or tlscheck" ;; esac
for key in $KEYS; do case "$key" in rsa|ecdsa) ;; *) die "--keys takes rsa and/or ecdsa" ;; esac; done
[[ "$RETRIES$WAIT_IDLE$OTHER_CPU_LIMIT$COOLDOWN" =~ ^[0-9]+$ ]] || die "RETRIES, WAIT_IDLE, OTHER_CPU_LIMIT and COOLDOWN are whole numbers"
[ "$RETRIES" -le 5 ] && [ "$WAIT_IDLE" -le 1800 ] || die "RETRIES is at most 5 and WAIT_IDLE at most 1800"
[ "$WRK_THREADS" -le "$CONCURRENCY" ] || WRK_THREADS=$CONCURRENCY
want_blackbox() { [ "$ONLY" != tlscheck ]; }
want_tlscheck() { [ "$ONLY" != blackbox ]; }

# ---------------------------------------------------------------------------------------------
# Tools. Debian packages, installed when missing, without starting their system services
# (which would listen on all interfaces).
BLACKBOX_BIN=$(command -v prometheus-blackbox-exporter || command -v blackbox_exporter || true)
missing=()
command -v openssl >/dev/null || missing+=(openssl)
command -v curl >/dev/null || missing+=(curl)
want_blackbox && { command -v wrk >/dev/null || missing+=(wrk); }
want_blackbox && [ -z "$BLACKBOX_BIN" ] && missing+=(prometheus-blackbox-exporter)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
  say "installing ${missing[*]}"
  policy_added=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_added=1
  fi
  rc=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >&2 || rc=$?
  [ "$policy_added" = 1 ] && rm -f /usr/sbin/policy-rc.d
  [ "$rc" = 0 ] || die "apt-get install ${missing[*]} failed"
  BLACKBOX_BIN=$(command -v prometheus-blackbox-exporter || command -v blackbox_exporter || true)
fi
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
if want_tlscheck; then
  [ -x "$TLSCHECK" ] || die "$TLSCHECK not found: build tlscheck first (./mvnw -B package -DskipTests) or set TLSCHECK"
fi

# ---------------------------------------------------------------------------------------------
# Work directory (git-ignored), processes and cleanup.
mkdir -p "$BENCH_DIR/.work"
WORK=$(mktemp -d "$BENCH_DIR/.work/run.XXXXXX")
LOG="$BENCH_DIR/.work/last-run.log"
: > "$LOG"
NGINX_PID=
BLACKBOX_PID=
CURRENT_PID=

stop_pid() { # pid: TERM, up to 5 s, then KILL; only processes this script started
  local pid=$1 i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$CURRENT_PID"
  stop_pid "$BLACKBOX_PID"
  if [ -n "$NGINX_PID" ]; then
    local workers
    workers=$(pgrep -P "$NGINX_PID" 2>/dev/null || true)
    stop_pid "$NGINX_PID"
    for pid in $workers; do stop_pid "$pid"; done
  fi
  if [ "$KEEP" = 1 ]; then
    say "kept $WORK (holds the test CA's private key: delete it when done)"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command in the background so that a signal reaches the trap at once, bounded by timeout.
run_bounded() { # seconds outfile cmd...
  local limit=$1 out=$2 rc=0
  shift 2
  timeout --kill-after=5 "$limit" "$@" > "$out" 2>&1 &
  CURRENT_PID=$!
  wait "$CURRENT_PID" || rc=$?
  CURRENT_PID=
  return "$rc"
}

free_port() { # sets FREE_PORT: a port nothing on 127.0.0.1 answers on, not one already taken
  local port i
  for i in $(seq 200); do
    port=$((20000 + RANDOM % 12000))
    case " ${TAKEN_PORTS:-} " in *" $port "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      TAKEN_PORTS="${TAKEN_PORTS:-} $port"
      FREE_PORT=$port
      return 0
    fi
  done
  die "no free port found"
}

# ---------------------------------------------------------------------------------------------
# Test PKI, made fresh for each run and deleted afterwards: one CA (RSA-2048), one RSA-2048 leaf
# and one ECDSA P-256 leaf for $SERVER_NAME, each signed by the CA with SHA-256, valid 90 days
# (well outside any expiry window, so a check of it is Healthy).
make_pki() {
  local dir=$WORK
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 365 \
    -keyout "$dir/ca.key" -out "$dir/ca.pem" -subj "/CN=tlscheck bench test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" 2>>"$LOG"
  local key
  for key in rsa ecdsa; do
    local usage
    if [ "$key" = rsa ]; then
      openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/$key.key" 2>>"$LOG"
      usage="digitalSignature,keyEncipherment"
    else
      openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/$key.key" 2>>"$LOG"
      usage="digitalSignature"
    fi
    cat > "$dir/$key.ext" <<EOF
basicConstraints=critical,CA:FALSE
keyUsage=critical,$usage
extendedKeyUsage=serverAuth
subjectAltName=DNS:$SERVER_NAME
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid,issuer
EOF
    openssl req -new -key "$dir/$key.key" -subj "/CN=$SERVER_NAME" -out "$dir/$key.csr" 2>>"$LOG"
    openssl x509 -req -in "$dir/$key.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
      -set_serial "0x$(openssl rand -hex 16)" -days 90 -sha256 -extfile "$dir/$key.ext" \
      -out "$dir/$key.pem" 2>>"$LOG"
  done
  chmod 600 "$dir"/*.key
}

fill_template() { # template output
  sed -e "s|@DIR@|$WORK|g" -e "s|@SERVER_NAME@|$SERVER_NAME|g" -e "s|@WORKERS@|$NGINX_WORKERS|g" \
      -e "s|@RSA_PORT@|$RSA_PORT|g" -e "s|@ECDSA_PORT@|$ECDSA_PORT|g" "$1" > "$2"
}

key_port() { if [ "$1" = rsa ]; then echo "$RSA_PORT"; else echo "$ECDSA_PORT"; fi; }
key_label() { if [ "$1" = rsa ]; then echo RSA-2048; else echo "ECDSA P-256"; fi; }

start_nginx() {
  mkdir -p "$WORK/nginx-tmp"
  fill_template "$BENCH_DIR/nginx.conf.template" "$WORK/nginx.conf"
  "$NGINX_BIN" -t -q -p "$WORK" -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf" >>"$LOG" 2>&1 \
    || { cat "$WORK/nginx-error.log" >&2 2>/dev/null; die "nginx rejected its config (see $LOG)"; }
  "$NGINX_BIN" -p "$WORK" -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf" -g 'daemon off;' \
    >>"$LOG" 2>&1 &
  NGINX_PID=$!
  local key i
  for key in rsa ecdsa; do
    local port
    port=$(key_port "$key")
    for i in $(seq 100); do
      kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/nginx-error.log" >&2; die "nginx exited at start"; }
      # curl checks our own PKI too: chain to the test CA and the name.
      curl -fsS --max-time 2 --cacert "$WORK/ca.pem" --resolve "$SERVER_NAME:$port:127.0.0.1" \
        "https://$SERVER_NAME:$port/" >/dev/null 2>>"$LOG" && break
      [ "$i" = 100 ] && die "nginx does not answer with a valid certificate on 127.0.0.1:$port (see $LOG)"
      sleep 0.1
    done
  done
}

start_blackbox() {
  fill_template "$BENCH_DIR/blackbox.yml.template" "$WORK/blackbox.yml"
  "$BLACKBOX_BIN" --config.file="$WORK/blackbox.yml" --config.check >>"$LOG" 2>&1 \
    || die "blackbox_exporter rejected its config (see $LOG)"
  free_port; BLACKBOX_PORT=$FREE_PORT
  "$BLACKBOX_BIN" --config.file="$WORK/blackbox.yml" --web.listen-address="127.0.0.1:$BLACKBOX_PORT" \
    --log.level=warn >>"$LOG" 2>&1 &
  BLACKBOX_PID=$!
  local i
  for i in $(seq 100); do
    kill -0 "$BLACKBOX_PID" 2>/dev/null || die "blackbox_exporter exited at start (see $LOG)"
    curl -fsS --max-time 2 "http://127.0.0.1:$BLACKBOX_PORT/-/healthy" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "blackbox_exporter does not answer on 127.0.0.1:$BLACKBOX_PORT"
}

probe_url() { # module key
  echo "http://127.0.0.1:$BLACKBOX_PORT/probe?module=$1&target=127.0.0.1:$(key_port "$2")"
}

# A failing probe is cheaper than a real one and would flatter the rate: both clients must
# succeed on the real name and fail on a wrong one before anything is measured.
sanity_blackbox() { # key
  local key=$1 body
  body=$(curl -fsS --max-time 10 "$(probe_url tls_verify "$key")") \
    || die "blackbox /probe did not answer for $(key_label "$key")"
  if ! grep -qx 'probe_success 1' <<<"$body"; then
    echo "$body" | grep -E '^probe_' >&2 || true
    die "blackbox_exporter reports probe_success 0 for $(key_label "$key") on 127.0.0.1:$(key_port "$key"): not benchmarking a failing probe (run with --keep and add &debug=true to the probe URL to see why)"
  fi
  body=$(curl -fsS --max-time 10 "$(probe_url tls_wrong_name "$key")") || die "blackbox /probe did not answer"
  grep -qx 'probe_success 0' <<<"$body" \
    || die "blackbox_exporter accepts a wrong server name: it would not be validating, so the comparison would be unfair"
}

tlscheck_args() { # key [servername]
  echo "127.0.0.1:$(key_port "$1") --servername ${2:-$SERVER_NAME} --ca-file $WORK/ca.pem --no-system-roots"
}

sanity_tlscheck() { # key
  local key=$1 rc=0 out="$WORK/tlscheck-sanity-$1.txt"
  # shellcheck disable=SC2046
  run_bounded 60 "$out" "$TLSCHECK" connect $(tlscheck_args "$key") || rc=$?
  cat "$out" >>"$LOG"
  case "$rc" in
    0) ;;
    1) say "note: tlscheck connect reports a Warning for the $(key_label "$key") endpoint (see $LOG); benchmarking anyway" ;;
    *) sed -n '1,40p' "$out" >&2
       die "tlscheck connect failed (exit $rc) on the $(key_label "$key") endpoint: not benchmarking a failing check" ;;
  esac
  rc=0
  # shellcheck disable=SC2046
  run_bounded 60 "$out" "$TLSCHECK" connect $(tlscheck_args "$key" "wrong.$SERVER_NAME") || rc=$?
  cat "$out" >>"$LOG"
  [ "$rc" -ne 0 ] || die "tlscheck connect accepts a wrong server name: the comparison would be unfair"
}

# CPU accounting, to see where the two cores went during a run.
CLK_TCK=$(getconf CLK_TCK)
machine_busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9; exit}' /proc/stat; }
proc_ticks() { # pids... -> utime+stime summed over the pids that exist
  local pid sum=0 t
  for pid in "$@"; do
    t=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $12+$13}') || t=0
    sum=$((sum + ${t:-0}))
  done
  echo "$sum"
}
nginx_pids() { echo "$NGINX_PID $(pgrep -P "$NGINX_PID" 2>/dev/null | tr '\n' ' ')"; }
# Sets CHILD_TICKS to the CPU of the processes this shell has waited for (wrk or tlscheck and
# what they started). Must run in this shell, not in $(...), where the counters start at zero.
children_ticks() {
  times > "$WORK/times"
  CHILD_TICKS=$(awk -v hz="$CLK_TCK" 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/)
                                  printf "%d\n", (u[1]*60 + u[2] + s[1]*60 + s[2]) * hz }' "$WORK/times")
}
CPU_START=()
cpu_mark() {
  children_ticks
  # shellcheck disable=SC2046
  CPU_START=("$(date +%s.%N)" "$(machine_busy_ticks)" "$(proc_ticks $(nginx_pids))" \
             "$(proc_ticks ${BLACKBOX_PID:-})" "$CHILD_TICKS")
}
# Sets CPU_LINE to "cpu: machine N%, nginx N%, blackbox N%, client N%, other N%" (100% = one
# core; client = wrk or tlscheck; other = processes that are not part of the benchmark) and
# CPU_OTHER to that last figure: a benchmark sharing the machine with a build measures nothing.
cpu_report() {
  local now busy ng bb cl
  children_ticks; cl=$CHILD_TICKS
  now=$(date +%s.%N); busy=$(machine_busy_ticks)
  # shellcheck disable=SC2046
  ng=$(proc_ticks $(nginx_pids)); bb=$(proc_ticks ${BLACKBOX_PID:-})
  CPU_LINE=$(awk -v t0="${CPU_START[0]}" -v t1="$now" -v m0="${CPU_START[1]}" -v m1="$busy" \
      -v n0="${CPU_START[2]}" -v n1="$ng" -v b0="${CPU_START[3]}" -v b1="$bb" \
      -v c0="${CPU_START[4]}" -v c1="$cl" -v hz="$CLK_TCK" \
      'BEGIN { s = (t1 - t0) * hz; m = 100*(m1-m0)/s; n = 100*(n1-n0)/s; b = 100*(b1-b0)/s; c = 100*(c1-c0)/s
               o = m - n - b - c; if (o < 0) o = 0
               printf "cpu: machine %.0f%%, nginx %.0f%%, blackbox %.0f%%, client %.0f%%, other %.0f%%", m, n, b, c, o }')
  CPU_OTHER=$(sed 's/.*other \([0-9]*\)%.*/\1/' <<<"$CPU_LINE")
}
# A run is disturbed when processes outside the benchmark used more than OTHER_CPU_LIMIT % of a
# core. It is repeated, after waiting for the machine to calm down, up to RETRIES times; one
# still disturbed then is kept, counted and reported.
DISTURBED=0
is_disturbed() { [ "${CPU_OTHER:-0}" -gt "$OTHER_CPU_LIMIT" ]; }
wait_idle() { # seconds: wait until the machine is idle (under 15% of a core for 2 s), at most that long
  local deadline=$((SECONDS + $1)) b0 b1 pct
  while :; do
    b0=$(machine_busy_ticks); sleep 2; b1=$(machine_busy_ticks)
    pct=$(((b1 - b0) * 100 / CLK_TCK / 2))
    [ "$pct" -le 15 ] && return 0
    [ "$SECONDS" -lt "$deadline" ] || { IDLE_PCT=$pct; return 1; }
  done
}
measure() { # blackbox|tlscheck key round: sets RESULT
  local who=$1 key=$2 round=$3 try
  for try in $(seq 0 "$RETRIES"); do
    "run_$who" "$key" "$round"
    is_disturbed || return 0
    if [ "$try" -lt "$RETRIES" ]; then
      say "other processes used ${CPU_OTHER}% CPU during that run: waiting for an idle machine (up to ${WAIT_IDLE}s) and running it again"
      wait_idle "$WAIT_IDLE" || true
    fi
  done
  DISTURBED=$((DISTURBED + 1))
  say "warning: other processes used ${CPU_OTHER}% CPU during $who $(key_label "$key") round $round: this figure is not reliable"
}

# ---------------------------------------------------------------------------------------------
# One run of each client. Each sets RESULT to the rate and prints a line on stderr. (Not run
# in $(...): the trap must see CURRENT_PID to stop a run that is interrupted.)
run_blackbox() { # key round
  local key=$1 round=$2 out="$WORK/wrk-$1-$2.txt" rate failed cpu
  cpu_mark
  run_bounded $((SECONDS_PER_RUN + 30)) "$out" wrk -t"$WRK_THREADS" -c"$CONCURRENCY" -d"$DURATION" \
    --latency -s "$BENCH_DIR/wrk-probe.lua" "$(probe_url tls_verify "$key")" \
    || { cat "$out" >&2; die "wrk failed"; }
  cpu_report; cpu=$CPU_LINE
  { echo "== blackbox $key round $round"; cat "$out"; echo "$cpu"; } >>"$LOG"
  rate=$(awk '$1=="bench" && $2=="ok_per_second" {print $3}' "$out")
  failed=$(awk '$1=="bench" && $2=="probes_failed" {print $3}' "$out")
  [ -n "$rate" ] || { cat "$out" >&2; die "could not read wrk's result"; }
  say "$(printf '%-11s round %d  blackbox  %9.1f probes/s  (failed probes: %s; %s)' \
    "$(key_label "$key")" "$round" "$rate" "$failed" "$cpu")"
  [ "${failed:-0}" = 0 ] || say "warning: $failed probes failed under load; only successful probes are counted"
  RESULT=$rate
}

run_tlscheck() { # key round
  local key=$1 round=$2 out="$WORK/tlscheck-$1-$2.txt" rate rc=0 cpu
  cpu_mark
  # tlscheck bench warms up until the JIT compiler settles, for up to 45 s (its --warmup-max).
  # shellcheck disable=SC2046
  run_bounded $((SECONDS_PER_RUN + 90)) "$out" "$TLSCHECK" bench $(tlscheck_args "$key") \
    --concurrency "$CONCURRENCY" --duration "$DURATION" || rc=$?
  cpu_report; cpu=$CPU_LINE
  { echo "== tlscheck $key round $round (exit $rc)"; cat "$out"; echo "$cpu"; } >>"$LOG"
  # The first "<number> checks/s"; thousands separators tolerated.
  rate=$(grep -oE '[0-9][0-9,]*(\.[0-9]+)? checks/s' "$out" | head -n 1 | awk '{print $1}' | tr -d ,) || true
  [ -n "$rate" ] || { sed -n '1,40p' "$out" >&2; die "tlscheck bench printed no '<number> checks/s' line (exit $rc)"; }
  [ "$rc" = 0 ] || say "note: tlscheck bench exited $rc (output in $LOG)"
  say "$(printf '%-11s round %d  tlscheck  %9.1f checks/s  (%s)' "$(key_label "$key")" "$round" "$rate" "$cpu")"
  RESULT=$rate
}

with_range() { # median values... -> "1270.3 [1189.5-1343.2]", or "-" without values
  local m=$1; shift
  [ -n "$m" ] || { echo -; return; }
  printf '%s [%s]' "$m" "$(printf '%s\n' "$@" | sort -g | awk 'NR==1{lo=$1} {hi=$1} END{printf "%.1f-%.1f", lo, hi}')"
}
median() { [ $# -gt 0 ] || return 0; printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END { if (NR == 0) exit; m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.1f\n", m }'; }

# ---------------------------------------------------------------------------------------------
say "work dir $WORK, log $LOG"
# The figures only mean something on an otherwise idle machine: look for a second first.
if ! wait_idle "$WAIT_IDLE"; then
  say "warning: the machine is still ${IDLE_PCT}% busy (100% = one core) after ${WAIT_IDLE}s: figures will be low and noisy"
fi
free_port; RSA_PORT=$FREE_PORT
free_port; ECDSA_PORT=$FREE_PORT
make_pki
start_nginx
say "nginx $("$NGINX_BIN" -v 2>&1 | sed 's/.*version: //') (worker_processes $NGINX_WORKERS) on 127.0.0.1:$RSA_PORT (RSA-2048) and 127.0.0.1:$ECDSA_PORT (ECDSA P-256)"
if want_blackbox; then
  start_blackbox
  say "$("$BLACKBOX_BIN" --version 2>&1 | head -n 1) on 127.0.0.1:$BLACKBOX_PORT"
  for key in $KEYS; do sanity_blackbox "$key"; done
fi
if want_tlscheck; then
  for key in $KEYS; do sanity_tlscheck "$key"; done
fi
say "$ROUNDS rounds of $DURATION per client and key, concurrency $CONCURRENCY, $(nproc) cores"

declare -A RATES
for round in $(seq "$ROUNDS"); do
  for key in $KEYS; do
    # Alternate who goes first (ABBA) so a drift in machine speed does not favour one side.
    if [ $((round % 2)) = 1 ]; then order="blackbox tlscheck"; else order="tlscheck blackbox"; fi
    for who in $order; do
      if [ "$who" = blackbox ] && want_blackbox; then
        measure blackbox "$key" "$round"
        RATES[blackbox,$key]+="$RESULT "
        sleep "$COOLDOWN"
      elif [ "$who" = tlscheck ] && want_tlscheck; then
        measure tlscheck "$key" "$round"
        RATES[tlscheck,$key]+="$RESULT "
        sleep "$COOLDOWN"
      fi
    done
  done
done

# ---------------------------------------------------------------------------------------------
echo
echo "tlscheck bench vs blackbox_exporter ($ROUNDS rounds x $DURATION, concurrency $CONCURRENCY, nginx on 127.0.0.1, $(nproc) cores; medians)"
printf '%-12s %-26s %-26s %7s  %s\n' key "blackbox probes/s [range]" "tlscheck checks/s [range]" ratio goal
missed=0
json_rows=()
for key in $KEYS; do
  read -r -a bb_rounds <<<"${RATES[blackbox,$key]:-}"
  read -r -a tc_rounds <<<"${RATES[tlscheck,$key]:-}"
  bb=$(median "${bb_rounds[@]}")
  tc=$(median "${tc_rounds[@]}")
  ratio=; verdict=
  if [ -n "$bb" ] && [ -n "$tc" ]; then
    ratio=$(awk -v a="$tc" -v b="$bb" 'BEGIN { printf "%.2f", a / b }')
    if awk -v r="$ratio" -v g="$GOAL" 'BEGIN { exit !(r >= g) }'; then verdict="met"; else verdict="missed"; missed=1; fi
  fi
  printf '%-12s %-26s %-26s %7s  %s\n' "$(key_label "$key")" "$(with_range "$bb" "${bb_rounds[@]}")" \
    "$(with_range "$tc" "${tc_rounds[@]}")" "${ratio:+${ratio}x}" ">=${GOAL}x${verdict:+ $verdict}"
  json_rows+=("$(printf '{"key":"%s","blackbox_probes_per_s":%s,"tlscheck_checks_per_s":%s,"ratio":%s,"blackbox_rounds":[%s],"tlscheck_rounds":[%s]}' \
    "$(key_label "$key")" "${bb:-null}" "${tc:-null}" "${ratio:-null}" \
    "$(IFS=,; echo "${bb_rounds[*]}")" "$(IFS=,; echo "${tc_rounds[*]}")")")
done
{
  printf '{"date":"%s","rounds":%s,"duration_s":%s,"concurrency":%s,"cores":%s,"nginx_workers":"%s","goal_ratio":%s,"disturbed_runs":%s,"results":[' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$ROUNDS" "$SECONDS_PER_RUN" "$CONCURRENCY" "$(nproc)" "$NGINX_WORKERS" "$GOAL" "$DISTURBED"
  (IFS=,; printf '%s' "${json_rows[*]}")
  printf ']}\n'
} > "$BENCH_DIR/.work/results.json"
[ "$DISTURBED" = 0 ] || echo "warning: $DISTURBED runs shared the CPU with other processes (see above): rerun on an idle machine before quoting these figures"
echo "(per-round figures and raw output: $LOG; JSON: $BENCH_DIR/.work/results.json)"
if [ "$STRICT" = 1 ] && [ "$missed" = 1 ]; then exit 1; fi
exit 0
