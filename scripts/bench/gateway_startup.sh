#!/usr/bin/env bash
# How long shop-mock-server takes to start with a large catalog (issue 11: the 100k catalog
# was built twice), for one or more binaries side by side: from exec to its first /healthz
# answer, and the CPU it used until then, in memory and on a new --data-dir.
#
#   scripts/bench/gateway_startup.sh /tmp/before/shop-mock-server .build/release/shop-mock-server
#   COUNT=100000 RUNS=2 scripts/bench/gateway_startup.sh BINARY...
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${COUNT:-100000}
RUNS=${RUNS:-2}
BENCH=${SHOP_BENCH:-.build/release/shop-bench}
[ -x "$BENCH" ] || BENCH=.build/debug/shop-bench
[ $# -gt 0 ] || set -- .build/release/shop-mock-server
HZ=$(getconf CLK_TCK)
PORT=18499
WORK=$(mktemp -d /tmp/shop-startup-bench.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

"$BENCH" catalog --count "$COUNT" --output "$WORK/catalog.json" >/dev/null
echo "## $COUNT products ($(du -h "$WORK/catalog.json" | cut -f1)), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
for run in $(seq 1 "$RUNS"); do
  for storage in memory data-dir; do
    for binary in "$@"; do
      extra=()
      [ "$storage" = data-dir ] && { rm -rf "$WORK/data"; extra=(--data-dir "$WORK/data"); }
      start=$(date +%s.%N)
      "$binary" --port $PORT --catalog "$WORK/catalog.json" --log-level warning "${extra[@]}" >/dev/null 2>&1 &
      pid=$!
      until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { echo "$binary exited before answering" >&2; exit 1; }
        sleep 0.05
      done
      end=$(date +%s.%N)
      cpu=$(awk -v hz="$HZ" '{printf "%.1f", ($14 + $15) / hz}' /proc/"$pid"/stat)
      rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/"$pid"/status)
      kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
      printf 'run %s  %-9s %-44s up in %6.1f s  CPU %6s s  resident %s MiB  (load %s)\n' \
        "$run" "$storage" "$binary" "$(echo "$end - $start" | bc)" "$cpu" "$rss" "$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
