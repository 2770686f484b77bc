#!/usr/bin/env bash
# Builds Examples/ShopTool, a package that depends on ShopKit as any consumer would, from a clean
# state, and checks its build log: ShopKit must be compiled, and no code generator, server or
# terminal target may be. Prints the clean build time and how many packages were resolved.
#
#     scripts/build-example.sh             # CI: clean debug build of the tool and its tests + the check
#     scripts/build-example.sh --measure   # also, in the same run: a clean debug build of a package
#                                          # that depends on ShopKit's runtime dependencies alone,
#                                          # and a release build of the tool (stripped size)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
example=Examples/ShopTool
measure=false
[ "${1:-}" = "--measure" ] && measure=true

seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", b - a }'; }

rm -rf "$example/.build"
(cd "$example" && swift package resolve >/dev/null 2>&1)
resolved=$(ls "$example/.build/checkouts" | wc -l | tr -d ' ')
started=$(seconds)
log="$example/.build/build.log"
if ! (cd "$example" && swift build --build-tests -v >"$root/$log" 2>&1); then
  tail -40 "$log" >&2
  echo "the example failed to build" >&2
  exit 1
fi
debug_seconds=$(elapsed "$started" "$(seconds)")

# Every module swiftc compiled, by name.
grep -oE -- '-module-name [A-Za-z0-9_]+' "$log" | awk '{print $2}' | sort -u >"$example/.build/modules.txt"
forbidden='^(_OpenAPIGeneratorCore|OpenAPIKit.*|Yams|ArgumentParser.*|swift_openapi_generator.*|Hummingbird.*|OpenAPIHummingbird|GRDB|SQLite.*|ShopMockServer|shop_mock_server|TerminalUI|TerminalUITesting|TerminalCurses|CNcurses|ShopApp|ShopFlows|shop|ShopSSH|SwiftSyntax.*)$'
if ! grep -qx ShopKit "$example/.build/modules.txt"; then
  echo "ShopKit was not compiled: the log check would prove nothing" >&2
  exit 1
fi
if grep -E "$forbidden" "$example/.build/modules.txt" >&2; then
  echo "the consumer compiled the generator, a server or a terminal target (above)" >&2
  exit 1
fi
if grep -qE 'Compiling plugin OpenAPIGenerator|Running OpenAPIGenerator' "$log"; then
  echo "the OpenAPI generator plugin ran while building the consumer" >&2
  exit 1
fi
echo "example: resolved $resolved packages; clean debug build ${debug_seconds} s;" \
  "compiled $(wc -l <"$example/.build/modules.txt" | tr -d ' ') modules, no generator, server or terminal target"

$measure || exit 0

# ShopKit's runtime dependencies alone, at the versions the example resolved.
baseline=$(mktemp -d)
trap 'rm -rf "$baseline"' EXIT
mkdir -p "$baseline/Sources/deps"
cp "$example/Package.resolved" "$baseline/Package.resolved"
cat >"$baseline/Package.swift" <<'MANIFEST'
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
  >"$baseline/Sources/deps/main.swift"
(cd "$baseline" && swift package resolve >/dev/null 2>&1)
started=$(seconds)
(cd "$baseline" && swift build >/dev/null 2>&1)
baseline_seconds=$(elapsed "$started" "$(seconds)")
echo "runtime dependencies alone: clean debug build ${baseline_seconds} s"

started=$(seconds)
(cd "$example" && swift build -c release --product shop-tool >/dev/null 2>&1)
release_seconds=$(elapsed "$started" "$(seconds)")
binary="$(cd "$example" && swift build -c release --show-bin-path)/shop-tool"
strip -o "$baseline/shop-tool.stripped" "$binary"
echo "example release build ${release_seconds} s; shop-tool stripped: $(stat -c %s "$baseline/shop-tool.stripped") bytes" \
  "(unstripped $(stat -c %s "$binary"))"
