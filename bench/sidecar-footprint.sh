#!/usr/bin/env bash
# Measures the sidecar's footprint as a pod would run it: `bin/tlscheck sidecar` checking a
# local TLS server (openssl s_server on 127.0.0.1) on the spec's shortest interval (10s).
# Prints the start-up time (launch to /q/health/ready answering 200 after the first verdict),
# the resident set size right then and after DURATION seconds, the peak RSS, the CPU time spent
# starting and then checking, and the heap in use. Needs openssl, curl and python3 (for free ports).
#
#   bench/sidecar-footprint.sh [DURATION] [CHECKS]        defaults: 120 seconds, 10 checks
#   TLSCHECK_JAVA_OPTS='-Xmx32m' bench/sidecar-footprint.sh   compare JVM flags (appended to the launcher's)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${1:-120}"
checks="${2:-10}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
anon_kib() { awk '/^RssAnon/ {print $2}' "/proc/$1/status"; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
tls_port="$(free_port)"
openssl s_server -accept "127.0.0.1:$tls_port" -cert "$work/cert.pem" -key "$work/key.pem" -www -quiet \
  </dev/null >/dev/null 2>&1 &
pids+=($!)

for i in $(seq 1 "$checks"); do
  [ "$i" -gt 1 ] && echo "---"
  cat <<YAML
apiVersion: tlscheck.io/v1alpha1
kind: TlsCheck
metadata:
  name: app-$i
  annotations:
    tlscheck.io/readiness: "$([ "$i" -eq 1 ] && echo true || echo false)"
spec:
  host: 127.0.0.1
  port: $tls_port
  serverName: localhost
  interval: 10s
  timeout: 5s
YAML
done >"$work/checks.yaml"

http_port="$(free_port)"
started=$(date +%s%N)
"$root/bin/tlscheck" sidecar --config "$work/checks.yaml" --ca-file "$work/cert.pem" \
  --listen "127.0.0.1:$http_port" 2>"$work/sidecar.log" &
sidecar=$!
pids+=("$sidecar")
until curl -fs -o /dev/null "http://127.0.0.1:$http_port/q/health/ready"; do
  kill -0 "$sidecar" 2>/dev/null || { cat "$work/sidecar.log" >&2; exit 1; }
  sleep 0.01
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
rss_ready=$(rss_kib "$sidecar")
cpu_ready=$(cpu_ms "$sidecar")
sleep "$duration"
rss_end=$(rss_kib "$sidecar")
anon_end=$(anon_kib "$sidecar")
cpu_steady=$(( $(cpu_ms "$sidecar") - cpu_ready ))
peak=$(awk '/^VmHWM/ {print $2}' "/proc/$sidecar/status")
metrics="$(curl -fs "http://127.0.0.1:$http_port/q/metrics")"
heap=$(awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {printf "%.1f", sum / 1048576}' <<<"$metrics")
runs=$(awk '/^tlscheck_checks_total\{/ {sum += $NF} END {print sum}' <<<"$metrics")
kill -TERM "$sidecar"
wait "$sidecar" || true

echo "sidecar: $checks check(s) every 10s against openssl s_server, $runs checks run in ${duration}s"
echo "JVM options: ${TLSCHECK_JAVA_OPTS:-(launcher defaults)}"
echo "ready after:  ${ready_ms} ms (launch to /q/health/ready 200)"
echo "RSS at ready: $((rss_ready / 1024)) MiB"
echo "RSS at end:   $((rss_end / 1024)) MiB (peak $((peak / 1024)) MiB; anonymous $((anon_end / 1024)) MiB, the rest is shared files such as libjvm.so)"
echo "CPU:          ${cpu_ready} ms to ready, then ${cpu_steady} ms in ${duration}s"
echo "heap in use:  ${heap} MiB"
grep -q "stopping" "$work/sidecar.log" && echo "SIGTERM: stopped cleanly"
