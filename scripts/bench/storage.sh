#!/usr/bin/env bash
# Writes and reads through the gateway's storage (issue 11): wrk against one release
# shop-mock-server, in memory and with --data-dir, then two processes on one data directory.
# Prints req/s for catalog reads (cached and --no-read-cache), cart adds (a guest token and an
# Idempotency-Key per request) and placed orders (each on a cart filled beforehand).
#
#   SHOP_MOCK_SERVER=.build/release/shop-mock-server DURATION=5 scripts/bench/storage.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
SERVER=${SHOP_MOCK_SERVER:-.build/release/shop-mock-server}
ORDERS=${ORDERS:-4000}
WORK=$(mktemp -d /tmp/shop-storage-bench.XXXXXX)
command -v wrk >/dev/null || { echo "needs wrk" >&2; exit 1; }
[ -x "$SERVER" ] || { echo "build it first: swift build -c release --product shop-mock-server" >&2; exit 1; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
wait_http() { for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "no answer from $1" >&2; return 1; }
start() { # port, extra options...
  local port=$1; shift
  # wrk is one client address: the per-address abuse limits would answer most of it 429.
  "$SERVER" --port "$port" --log-level warning --admin-token bench --rate-limit 0 --guest-session-limit 0 "$@" >>"$WORK/server-$port.log" 2>&1 &
  pids+=($!)
  wait_http "http://127.0.0.1:$port/healthz"
}

# Lua for wrk: cart adds over 64 guest tokens and the in-stock products, or orders over
# tokens whose carts hold one unit each (a token is used once; when they run out the rest are 409s).
scripts() { # base, kind (add|order), out
python3 - "$ORDERS" "$@" <<'PY'
import json, sys, urllib.request, concurrent.futures
orders, base, kind, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
threads = int(sys.argv[5]) if len(sys.argv) > 5 else 1
def post(path, body=b"", token=None, key=None):
    req = urllib.request.Request(base + path, method="POST", data=body)
    req.add_header("Content-Type", "application/json")
    if token: req.add_header("Authorization", "Bearer " + token)
    if key: req.add_header("Idempotency-Key", key)
    return json.load(urllib.request.urlopen(req))
products, cursor = [], None
while True:
    page = json.load(urllib.request.urlopen(base + "/v1/products?limit=100&inStock=true" + (f"&cursor={cursor}" if cursor else "")))
    products += [p["id"] for p in page["items"] if p["stock"] >= 10]
    cursor = page.get("nextCursor")
    if not cursor: break
if kind == "add":
    tokens = [post("/v1/sessions/guest")["token"] for _ in range(64)]
else:
    # Plenty of stock for every order, then one cart per order.
    for pid in products:
        p = json.load(urllib.request.urlopen(base + "/v1/products/" + pid))
        req = urllib.request.Request(base + "/v1/admin/products/" + pid, method="PUT", data=json.dumps({
            "code": p["code"], "name": p["name"], "description": p["description"], "category": p["category"],
            "priceUsd": p["price"]["amount"], "stock": 1000000}).encode())
        req.add_header("Content-Type", "application/json"); req.add_header("Authorization", "Bearer bench")
        urllib.request.urlopen(req).read()
    def filled(i):
        token = post("/v1/sessions/guest")["token"]
        post("/v1/cart/items", json.dumps({"productId": products[i % len(products)], "quantity": 1}).encode(), token)
        return token
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        tokens = list(pool.map(filled, range(orders)))
order = json.dumps({"email": "bench@example.com", "shippingOption": "standard",
    "address": {"name": "Ana Lima", "line1": "12 Rua Augusta", "city": "Lisboa", "postalCode": "1100-053", "country": "PT"},
    "card": {"number": "4242424242424242", "cvv": "123", "expMonth": 12, "expYear": 2099}})
lua = f"""
tokens = {{{",".join(json.dumps(t) for t in tokens)}}}
products = {{{",".join(json.dumps(p) for p in products)}}}
kind = {json.dumps(kind)}
order = {json.dumps(order)}
local counter = 0
local threads = 0
function setup(thread) threads = threads + 1; thread:set("thread_id", threads) end
function init(args) math.randomseed(os.time() * 100 + thread_id); counter = 0 end
function request()
  counter = counter + 1
  local headers = {{}}
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = "bench-" .. thread_id .. "-" .. counter .. "-" .. math.random(1, 1000000000)
  if kind == "add" then
    headers["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1]
    local product = products[(math.floor(counter / #tokens) % #products) + 1]
    return wrk.format("POST", "/v1/cart/items", headers, '{{"productId":"' .. product .. '","quantity":1}}')
  end
  -- Each thread takes every THREADS-th token, so no cart is ordered twice.
  local index = (counter - 1) * {threads} + thread_id
  headers["Authorization"] = "Bearer " .. (tokens[index] or tokens[1])
  return wrk.format("POST", "/v1/checkout/orders", headers, order)
end
"""
open(out, "w").write(lua)
PY
}

run() { # name, url, script
  local out rps ok total bad
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency ${3:+-s "$3"} "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  total=$(awk '/requests in/ {print $1}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); bad=${bad:-0}
  ok=$(python3 -c "print(f'{($total - $bad) / $DURATION:.0f}')")
  printf '%-44s %10s req/s  2xx/s %-7s p99 %-8s non-2xx %s\n' "$1" "$rps" "$ok" "$(awk '$1=="99%" {print $2}' <<<"$out")" "$bad"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ); $SERVER"
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s"
start 18490
start 18491 --no-read-cache
PRODUCT=$(curl -fsS "http://127.0.0.1:18490/v1/products?limit=20" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
for target in "products?limit=20:/v1/products?limit=20" "product:/v1/products/$PRODUCT" "search q=lamp:/v1/search?q=lamp&limit=20"; do
  run "in memory, cached    ${target%%:*}" "http://127.0.0.1:18490${target#*:}"
  run "in memory, uncached  ${target%%:*}" "http://127.0.0.1:18491${target#*:}"
done
scripts http://127.0.0.1:18490 add "$WORK/add.lua"
run "in memory cart add" "http://127.0.0.1:18490/v1/cart/items" "$WORK/add.lua"
scripts http://127.0.0.1:18490 order "$WORK/order.lua" "$THREADS"
run "in memory place order" "http://127.0.0.1:18490/v1/checkout/orders" "$WORK/order.lua"

start 18492 --data-dir "$WORK/data"
run "--data-dir, cached   product" "http://127.0.0.1:18492/v1/products/$PRODUCT"
scripts http://127.0.0.1:18492 add "$WORK/add-disk.lua"
run "--data-dir cart add" "http://127.0.0.1:18492/v1/cart/items" "$WORK/add-disk.lua"
scripts http://127.0.0.1:18492 order "$WORK/order-disk.lua" "$THREADS"
run "--data-dir place order" "http://127.0.0.1:18492/v1/checkout/orders" "$WORK/order-disk.lua"
echo "resident memory: in memory $(awk '/VmRSS/ {print $2/1024 " MiB"}' /proc/${pids[0]}/status), --data-dir $(awk '/VmRSS/ {print $2/1024 " MiB"}' /proc/${pids[2]}/status)"
