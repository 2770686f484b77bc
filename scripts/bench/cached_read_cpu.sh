#!/usr/bin/env bash
# What a cached catalog read costs the gateway in CPU (issue 11: the connection guard's
# per-request timers), for one or more shop-mock-server binaries side by side. Each round runs
# wrk on the cached list, product and search of every binary in turn, so before and after share
# the machine's load; CPU per answer (user + system, /proc/PID/stat) depends much less on that
# load than req/s does.
#
#   scripts/bench/cached_read_cpu.sh /tmp/before/shop-mock-server .build/release/shop-mock-server
#   ROUNDS=3 DURATION=5 scripts/bench/cached_read_cpu.sh BINARY...
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5}
[ $# -gt 0 ] || set -- .build/release/shop-mock-server
HZ=$(getconf CLK_TCK)
PORT_BASE=18490

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_http() { for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "no answer from $1" >&2; return 1; }
ticks() { awk '{print $14 + $15}' /proc/"$1"/stat; }

echo "## $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ); wrk -t2 -c64 -d${DURATION}s, $ROUNDS rounds"
servers=()
index=0
for binary in "$@"; do
  port=$((PORT_BASE + index))
  # wrk is one address: the per-address limits are off, as in gateway.sh.
  "$binary" --port $port --log-level warning --rate-limit 0 --guest-session-limit 0 >/dev/null 2>&1 &
  pids+=($!)
  servers+=("$!:$port:$binary")
  wait_http "http://127.0.0.1:$port/healthz"
  index=$((index + 1))
done
base="http://127.0.0.1:$PORT_BASE"
product=$(curl -fsS "$base/v1/products?limit=20" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
paths=("/v1/products?limit=20" "/v1/products/$product" "/v1/search?q=lamp&limit=20")

for round in $(seq 1 "$ROUNDS"); do
  echo "## round $round, load $(cut -d' ' -f1 /proc/loadavg)"
  for path in "${paths[@]}"; do
    for server in "${servers[@]}"; do
      IFS=: read -r pid port binary <<<"$server"
      url="http://127.0.0.1:$port$path"
      curl -fsS -o /dev/null "$url"  # the first read fills the cache
      before=$(ticks "$pid")
      out=$(wrk -t2 -c64 -d"${DURATION}s" "$url")
      after=$(ticks "$pid")
      total=$(awk '/requests in/ {print $1}' <<<"$out")
      rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
      bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
      cpu=$(python3 -c "print(f'{($after - $before) / $HZ / max(1, $total) * 1e6:.1f}')")
      printf '%-34s %-44s %10s req/s  non-2xx %-6s %6s us CPU/answer\n' "$path" "$binary" "$rps" "${bad:-0}" "$cpu"
    done
  done
done
