#!/usr/bin/env bash
# Scale run of the operator on the real control plane: N TlsChecks (default 1000) against one
# local nginx. Prints operator RSS, create->status latency (p50/p99) and status writes per
# steady interval; the report is also left in target/scale-report.txt.
#
#   e2e/scale.sh [CHECKS] [INTERVAL_SECONDS] [CREATES_PER_SECOND]
#
# CREATES_PER_SECOND paces the creates as a GitOps sync would; unset (or 0), 8 threads create
# them as fast as the API server takes them, which saturates a small machine.
set -euo pipefail
cd "$(dirname "$0")/.."
checks=${1:-1000}
interval=${2:-60}
rate=${3:-0}
command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx-light || apt-get install -y -qq nginx; }
e2e/build-control-plane.sh >/dev/null
bin/mvnw -B -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ScaleRun \
  -Dscale.checks="$checks" -Dscale.intervalSeconds="$interval" -Dscale.createPerSecond="$rate"
cat target/scale-report.txt
