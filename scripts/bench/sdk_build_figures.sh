#!/usr/bin/env bash
# Issue 18's figures in one run, so that they compare (docs/performance.md, "A consumer's build"):
#   1. how many packages a consumer of ShopKit resolves (clones): Examples/ShopTool, which depends
#      on this package with `traits: []`;
#   2. the clean debug build of Examples/ShopTool (the tool, not its tests);
#   3. right after it, the clean debug build of a package that depends on ShopKit's runtime
#      dependencies alone (the same five products, at the versions the tool resolved, one
#      trivial source file): the floor a consumer cannot go below;
#   4. the tool's release build, and the size of `shop-tool` unstripped and stripped.
# Each build has its own scratch directory (nothing is shared but SwiftPM's clone cache) and they
# run one after the other. The load average is printed before and after each: on a shared
# machine only figures taken side by side compare, and CPU time (user + sys) moves less with
# the load than the wall time.
#
#   scripts/bench/sdk_build_figures.sh 2>&1 | tee /tmp/sdk-build-figures.txt
#   WORK=/tmp/sdk-figures KEEP=1 scripts/bench/sdk_build_figures.sh   # keep the scratch dirs and logs
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
example=$root/Examples/ShopTool
work=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/sdk-build-figures.XXXXXX")}
mkdir -p "$work"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

load() { echo "## $1: load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"; }

# timed LABEL COMMAND...: runs COMMAND with its output in $work/LABEL.log; prints its wall time,
# CPU time (its own and its waited-for children's: every compiler process) and peak RSS.
timed() {
  local label=$1; shift
  load "before $label"
  if ! /usr/bin/time -f "%e %U %S %M" -o "$work/$label.time" "$@" >"$work/$label.log" 2>&1; then
    tail -30 "$work/$label.log" >&2
    echo "$label failed (log: $work/$label.log)" >&2
    exit 1
  fi
  local wall user sys rss
  read -r wall user sys rss <"$work/$label.time"
  echo "$label: wall $(printf %.0f "$wall") s, CPU $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", u + s }') s" \
    "(user $(printf %.0f "$user") + sys $(printf %.0f "$sys")), peak RSS $((rss / 1024)) MB"
  load "after $label"
}

echo "## commit $(git rev-parse --short HEAD)$(git diff --quiet -- Sources Package.swift Examples || echo ' (with uncommitted changes)')," \
  "$(swift --version 2>/dev/null | head -1), $(nproc) cores, scratch $work"

# 1. Resolution: what a consumer clones.
consumer=$work/consumer
swift package --package-path "$example" --scratch-path "$consumer" resolve >"$work/resolve.log" 2>&1 \
  || { cat "$work/resolve.log" >&2; exit 1; }
echo "consumer resolves $(ls "$consumer/checkouts" | wc -l | tr -d ' ') packages: $(ls "$consumer/checkouts" | tr '\n' ' ')"

# ShopKit's runtime dependencies alone, pinned to the versions the consumer resolved.
deps=$work/runtime-deps
mkdir -p "$deps/Sources/deps"
cp "$example/Package.resolved" "$deps/Package.resolved"
# The products ShopKit's target depends on, as in Package.swift.
cat >"$deps/Package.swift" <<'MANIFEST'
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "RuntimeDeps",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(name: "deps", dependencies: [
            .product(name: "Logging", package: "swift-log"),
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
        ]),
    ]
)
MANIFEST
printf 'import AsyncHTTPClient\nimport HTTPTypes\nimport Logging\nimport OpenAPIAsyncHTTPClient\nimport OpenAPIRuntime\nprint(HTTPClient.self, Logger.self)\n' \
  >"$deps/Sources/deps/main.swift"
swift package --package-path "$deps" --scratch-path "$deps/.build" resolve >"$work/resolve-deps.log" 2>&1 \
  || { cat "$work/resolve-deps.log" >&2; exit 1; }
# Both builds must compile the same versions, or the comparison says nothing.
pins() { jq -r '.pins[] | "\(.identity) \(.state.version // .state.revision)"' "$1" | sort; }
if ! diff <(pins "$example/Package.resolved") <(pins "$deps/Package.resolved") >"$work/pins.diff"; then
  cat "$work/pins.diff" >&2
  echo "the runtime dependencies resolved other versions than the consumer (above)" >&2
  exit 1
fi
echo "runtime dependencies alone resolve $(ls "$deps/.build/checkouts" | wc -l | tr -d ' ') packages, at the consumer's versions"

# 2 and 3: the clean debug builds, one after the other.
timed "consumer-debug" swift build --package-path "$example" --scratch-path "$consumer"
timed "runtime-deps-debug" swift build --package-path "$deps" --scratch-path "$deps/.build"

# 4. The tool's release build (the checkouts are the debug build's; nothing of release is built yet).
timed "consumer-release" swift build --package-path "$example" --scratch-path "$consumer" -c release --product shop-tool
binary="$(swift build --package-path "$example" --scratch-path "$consumer" -c release --show-bin-path)/shop-tool"
strip -o "$work/shop-tool.stripped" "$binary"
size() { stat -c %s "$1"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
echo "shop-tool release: unstripped $(size "$binary") bytes ($(mib "$(size "$binary")")), stripped" \
  "$(size "$work/shop-tool.stripped") bytes ($(mib "$(size "$work/shop-tool.stripped")"))"
echo "shop-tool links dynamically against: $(ldd "$binary" | awk '{print $1}' | grep -E 'swift|Foundation|dispatch|ssl|crypto' | tr '\n' ' ')"
