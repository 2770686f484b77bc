#!/usr/bin/env bash
# Issue 11's figures in one run, so that they compare: the catalog read ratios to nginx cached
# and uncached (gateway.sh, figure 5), cart adds and placed orders per second in memory and with
# --data-dir (storage.sh), and the 100k-product latencies on the relational storage, in memory
# and with a new --data-dir (shop-bench scale). The load average is printed before and after
# each part: the machine is shared, and only figures taken side by side compare.
#
#   scripts/bench/storage_figures.sh 2>&1 | tee /tmp/storage-figures.txt
# after: swift build -c release --product shop-mock-server; swift build -c release --product shop-bench
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release}
# The client of the scale part; SHOP_BENCH=.build/debug/shop-bench saves a release build of it
# (it only sends requests and times them; the gateway measured is still $BIN's).
BENCH=${SHOP_BENCH:-$BIN/shop-bench}
REQUESTS=${REQUESTS:-200}
load() { echo "## $1: load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"; }
# A durable commit waits for fsync: the disk's latency, shared with everyone's builds, bounds
# the --data-dir writes, so it is measured in the same run.
fsync_latency() {
python3 - <<'PY'
import os, statistics, tempfile, time
fd, path = tempfile.mkstemp(prefix="shop-fsync-")
times = []
for _ in range(200):
    os.write(fd, b"x" * 4096)
    start = time.perf_counter(); os.fsync(fd); times.append(time.perf_counter() - start)
os.close(fd); os.unlink(path)
times.sort()
print(f"## fsync of a 4 KiB append: median {statistics.median(times) * 1e3:.2f} ms, p90 {times[179] * 1e3:.2f} ms (n=200)")
PY
}

echo "## build: $BIN (scale client $BENCH), commit $(git rev-parse --short HEAD)$(git diff --quiet -- Sources Package.swift || echo ' (Sources changed)')"
load "before gateway.sh"
SHOP_MOCK_SERVER="$BIN/shop-mock-server" DURATION=${DURATION:-10} scripts/bench/gateway.sh
load "after gateway.sh, before storage.sh"
fsync_latency
SHOP_MOCK_SERVER="$BIN/shop-mock-server" DURATION=${STORAGE_DURATION:-5} ORDERS=${ORDERS:-8000} scripts/bench/storage.sh
fsync_latency
load "after storage.sh, before scale --data-dir"
SHOP_MOCK_SERVER="$BIN/shop-mock-server" "$BENCH" scale --sizes 100000 --requests "$REQUESTS" --data-dir
load "after scale --data-dir, before scale in memory"
SHOP_MOCK_SERVER="$BIN/shop-mock-server" "$BENCH" scale --sizes 100000 --requests "$REQUESTS"
load "after scale in memory"
