#!/usr/bin/env bash
# Gateway throughput (issue 5, figure 5): wrk against shop-mock-server (release) for the
# product list, a product, a search and a cart add, next to nginx serving the very same bytes
# as static files (the limit of this machine) and connexion's mock of the same contract.
# Everything listens on loopback; every run is bounded (DURATION seconds, default 10).
#
#   scripts/bench/gateway.sh            # after: swift build -c release --product shop-mock-server
#   DURATION=5 THREADS=2 CONNECTIONS=64 scripts/bench/gateway.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
SERVER=${SHOP_MOCK_SERVER:-.build/release/shop-mock-server}
LOG_LEVEL=${LOG_LEVEL:-warning}
# wrk is one client address: the per-address abuse limits (200 requests/s, 200 guest
# sessions) would answer most of its requests 429, so they are off, as nginx has none.
LIMITS=(--rate-limit 0 --guest-session-limit 0)
SHOP_PORT=18480 NGINX_PORT=18481 CONNEXION_PORT=18482 UNCACHED_PORT=18483 PERSISTENT_PORT=18484
WORK=$(mktemp -d /tmp/shop-gateway-bench.XXXXXX)

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need nginx; then
  (apt-get update -qq && apt-get install -y -qq wrk nginx-light) >/dev/null
fi
python3 -c 'import connexion, uvicorn, yaml' 2>/dev/null || pip install -q 'connexion[uvicorn]' pyyaml >/dev/null 2>&1
[ -x "$SERVER" ] || { echo "build it first: swift build -c release --product shop-mock-server" >&2; exit 1; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_http() { for _ in $(seq 1 150); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "no answer from $1" >&2; return 1; }

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency; shop-mock-server --log-level $LOG_LEVEL"

"$SERVER" --port $SHOP_PORT --log-level "$LOG_LEVEL" --admin-token bench "${LIMITS[@]}" >"$WORK/shop.log" 2>&1 &
pids+=($!)
SHOP_PID=$!
wait_http "http://127.0.0.1:$SHOP_PORT/healthz"
BASE="http://127.0.0.1:$SHOP_PORT"
# The same gateway with every catalog read going through the router and handlers (the path
# the first read of each URL takes), for the figures before and after the read cache.
"$SERVER" --port $UNCACHED_PORT --log-level "$LOG_LEVEL" --admin-token bench "${LIMITS[@]}" --no-read-cache >"$WORK/uncached.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$UNCACHED_PORT/healthz"

# The bytes nginx will serve: exactly what the gateway answers.
PRODUCT=$(curl -fsS "$BASE/v1/products?limit=20" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
mkdir -p "$WORK/www"
curl -fsS "$BASE/v1/products?limit=20" >"$WORK/www/products.json"
curl -fsS "$BASE/v1/products/$PRODUCT" >"$WORK/www/product.json"
curl -fsS "$BASE/v1/search?q=lamp&limit=20" >"$WORK/www/search.json"

# Guest tokens and in-stock products for the cart adds: each request goes to the next token and
# product, so no cart reaches a product's stock (a 409) within the run.
make_cart_script() {
python3 - "$1" "$2" <<'PY'
import json, sys, urllib.request
base, out = sys.argv[1], sys.argv[2]
tokens = []
for _ in range(64):
    req = urllib.request.Request(base + "/v1/sessions/guest", method="POST", data=b"")
    tokens.append(json.load(urllib.request.urlopen(req))["token"])
products, cursor = [], None
while True:
    url = base + "/v1/products?limit=100&inStock=true" + (f"&cursor={cursor}" if cursor else "")
    page = json.load(urllib.request.urlopen(url))
    products += [p["id"] for p in page["items"] if p["stock"] >= 10]
    cursor = page.get("nextCursor")
    if not cursor:
        break
lua = f"""
tokens = {{{",".join(json.dumps(t) for t in tokens)}}}
products = {{{",".join(json.dumps(p) for p in products)}}}
-- thread_id is a global set by setup() in each thread's own Lua state, so keys never collide
-- across threads (a key in flight twice is a 409 by design).
local counter = 0
local threads = 0
function setup(thread) threads = threads + 1; thread:set("thread_id", threads) end
function init(args) math.randomseed(os.time() * 100 + thread_id); counter = thread_id * 7919 end
function request()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  local product = products[(math.floor(counter / #tokens) % #products) + 1]
  local headers = {{}}
  headers["Authorization"] = "Bearer " .. token
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = "bench-" .. thread_id .. "-" .. counter .. "-" .. math.random(1, 1000000000)
  return wrk.format("POST", "/v1/cart/items", headers, '{{"productId":"' .. product .. '","quantity":1}}')
end
"""
open(out, "w").write(lua)
print(f"cart adds: {len(tokens)} guest tokens, {len(products)} products", file=sys.stderr)
PY
}
make_cart_script "$BASE" "$WORK/cart.lua"

# nginx: the same bytes as static files, two workers (one per core), no access log.
cat >"$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $WORK; proxy_temp_path $WORK; fastcgi_temp_path $WORK; uwsgi_temp_path $WORK; scgi_temp_path $WORK;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    default_type application/json;
    location = /v1/products { try_files /products.json =404; }
    location = /v1/search { try_files /search.json =404; }
    location /v1/products/ { try_files /product.json =404; }
  }
}
NGINX
nginx -c "$WORK/nginx.conf" -g 'daemon off;' &
pids+=($!)
wait_http "http://127.0.0.1:$NGINX_PORT/v1/products"

# connexion's mock of the same contract (3.0 copy, 2xx only, the same bodies as examples).
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
examples = {
    "listProducts": json.load(open(f"{work}/www/products.json")),
    "getProduct": json.load(open(f"{work}/www/product.json")),
    "searchProducts": json.load(open(f"{work}/www/search.json")),
}
json.dump(examples, open(f"{work}/examples.json", "w"))
PY
python3 scripts/bench/openapi30.py docs/openapi.yaml "$WORK/openapi30.yaml" "$WORK/examples.json"
(cd "$WORK" && exec connexion run openapi30.yaml --mock=all --port $CONNEXION_PORT --host 127.0.0.1 >"$WORK/connexion.log" 2>&1) &
pids+=($!)
wait_http "http://127.0.0.1:$CONNEXION_PORT/v1/products" || { tail -20 "$WORK/connexion.log"; exit 1; }

# CPU ticks (user + system, all threads) of every process listening on a port: the gateway,
# or nginx's master and workers, or connexion's Python.
HZ=$(getconf CLK_TCK)
server_ticks() { # port
  local sum=0 pid
  for pid in $(ss -Htlnp "sport = :$1" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do
    sum=$((sum + $(awk '{print $14 + $15}' /proc/"$pid"/stat 2>/dev/null || echo 0)))
  done
  echo "$sum"
}

# One wrk run: prints "name req/s p50 p99 non2xx" and the server's CPU time per request, which
# depends much less than req/s on how much of the 2 cores the other processes took.
run() {
  local name=$1 url=$2 script=${3:-}
  local out port ticks
  port=$(sed -E 's#^http://[^:/]+:([0-9]+).*#\1#' <<<"$url")
  ticks=$(server_ticks "$port")
  if [ -n "$script" ]; then
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$script" "$url")
  else
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url")
  fi
  local rps p50 p99 bad
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  ticks=$(( $(server_ticks "$port") - ticks ))
  local total ok cpu
  total=$(awk '/requests in/ {print $1}' <<<"$out")
  cpu=$(python3 -c "print(f'{$ticks / $HZ / max(1, $total) * 1e6:.1f}')")
  printf '%-40s %12s req/s   p50 %-9s p99 %-9s non-2xx %-7s server CPU %s us/request\n' "$name" "$rps" "$p50" "$p99" "${bad:-0}" "$cpu"
  echo "$name $cpu" >>"$WORK/cpu"
  # The ratios count answers that succeeded only: a 429 or 503 is not a read served.
  ok=$(python3 -c "print(f'{($total - ${bad:-0}) / $DURATION:.2f}')")
  echo "$name $ok" >>"$WORK/results"
}

echo "-- read paths --"
for target in "products?limit=20:/v1/products?limit=20" "product:/v1/products/$PRODUCT" "search q=lamp:/v1/search?q=lamp&limit=20"; do
  label=${target%%:*} path=${target#*:}
  run "shop-mock-server $label" "http://127.0.0.1:$SHOP_PORT$path"
  run "shop, no read cache $label" "http://127.0.0.1:$UNCACHED_PORT$path"
  run "nginx static      $label" "http://127.0.0.1:$NGINX_PORT$path"
  run "connexion mock    $label" "http://127.0.0.1:$CONNEXION_PORT$path"
done
echo "-- the stack's ceiling: the smallest handler (GET /healthz) through the same router and middlewares --"
run "shop-mock-server healthz" "http://127.0.0.1:$SHOP_PORT/healthz"
echo "-- cart add (POST, guest token, Idempotency-Key per request) --"
run "shop-mock-server cart add" "http://127.0.0.1:$SHOP_PORT/v1/cart/items" "$WORK/cart.lua"
# connexion's mock checks the bearer scheme's presence only; the same script works.
run "connexion mock    cart add" "http://127.0.0.1:$CONNEXION_PORT/v1/cart/items" "$WORK/cart.lua"
echo "gateway resident memory after the runs: $(awk '/VmRSS/ {print $2/1024 " MiB"}' /proc/$SHOP_PID/status)"

echo "-- as shipped by default: --log-level info (one line per request, to a file) and --data-dir (SQLite) --"
"$SERVER" --port $PERSISTENT_PORT --log-level info --data-dir "$WORK/data" --admin-token bench "${LIMITS[@]}" >"$WORK/persistent.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$PERSISTENT_PORT/healthz"
make_cart_script "http://127.0.0.1:$PERSISTENT_PORT" "$WORK/cart-persistent.lua"
run "shop, info log products?limit=20" "http://127.0.0.1:$PERSISTENT_PORT/v1/products?limit=20"
run "shop, --data-dir cart add" "http://127.0.0.1:$PERSISTENT_PORT/v1/cart/items" "$WORK/cart-persistent.lua"

echo "-- ratios (2xx answers per second) --"
python3 - "$WORK/results" "$WORK/cpu" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    name, rps = line.rsplit(" ", 1)
    rows[" ".join(name.split())] = float(rps)
cpu = {}
for line in open(sys.argv[2]):
    name, us = line.rsplit(" ", 1)
    cpu[" ".join(name.split())] = float(us)
for label in ["products?limit=20", "product", "search q=lamp", "cart add"]:
    shop = rows.get(f"shop-mock-server {label}")
    nginx = rows.get(f"nginx static {label}")
    conn = rows.get(f"connexion mock {label}")
    uncached = rows.get(f"shop, no read cache {label}")
    parts = []
    if shop and nginx: parts.append(f"shop/nginx {shop / nginx:.2f}")
    if uncached and nginx: parts.append(f"without the read cache {uncached / nginx:.2f}")
    logged = rows.get(f"shop, info log {label}")
    if logged and nginx: parts.append(f"at log level info {logged / nginx:.2f}")
    if shop and conn: parts.append(f"shop/connexion {shop / conn:.1f}x")
    print(f"  {label:20} " + "   ".join(parts))
print("-- server CPU per request, nginx / shop (1.00: as cheap as nginx) --")
for label in ["products?limit=20", "product", "search q=lamp"]:
    shop, uncached, nginx = (cpu.get(f"{k} {label}") for k in ["shop-mock-server", "shop, no read cache", "nginx static"])
    if shop and nginx and uncached:
        print(f"  {label:20} cached {nginx / shop:.2f} ({shop:.1f} us)   without the read cache {nginx / uncached:.2f} ({uncached:.1f} us)   nginx {nginx:.1f} us")
PY
