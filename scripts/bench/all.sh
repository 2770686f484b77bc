#!/usr/bin/env bash
# Every figure of docs/performance.md in one go (about 15 minutes on 2 cores, after the build).
#   scripts/bench/all.sh 2>&1 | tee /tmp/shop-bench.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null && command -v nginx >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk nginx-light hyperfine)
python3 -c 'import pyte, textual, connexion, yaml' 2>/dev/null || pip install -q pyte textual 'connexion[uvicorn]' pyyaml
for product in shop-mock-server shop shop-bench; do swift build -c release --product "$product"; done
BIN=.build/release
"$BIN/shop-bench" all                                  # figures 1, 4 (cells), 6 (latency, gateway memory), 7
scripts/bench/gateway.sh                               # figure 5
"$BIN/shop-bench" catalog --count 100000 --output /tmp/shop-catalog-100000.json
python3 scripts/bench/pty_bench.py --shop "$BIN/shop" --scroll-catalog /tmp/shop-catalog-100000.json   # figures 2, 3, 4 (bytes), 6 (client memory)
