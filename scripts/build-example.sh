#!/usr/bin/env bash
# Builds Examples/ShopTool, a package that depends on ShopKit as any consumer would, from a clean
# state, and checks its build log: ShopKit must be compiled, and no code generator, package
# plugin, embed tool, server or terminal target may be. Prints the clean build time and how many
# packages were resolved. CI runs it; scripts/bench/sdk_build_figures.sh measures the build
# against ShopKit's runtime dependencies alone.
#
#     scripts/build-example.sh      # clean debug build of the tool and its tests + the check
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
example=Examples/ShopTool

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
forbidden='^(_OpenAPIGeneratorCore|OpenAPIKit.*|Yams|ArgumentParser.*|swift_openapi_generator.*|Hummingbird.*|OpenAPIHummingbird|GRDB|SQLite.*|ShopMockServer|shop_mock_server|TerminalUI|TerminalUITesting|TerminalCurses|CNcurses|ShopApp|ShopFlows|shop|ShopSSH|ShopTestSupport|shop_bench|terminal_demo|EmbedFiles|embed_files|SwiftSyntax.*)$'
if ! grep -qx ShopKit "$example/.build/modules.txt"; then
  echo "ShopKit was not compiled: the log check would prove nothing" >&2
  exit 1
fi
if grep -E "$forbidden" "$example/.build/modules.txt" >&2; then
  echo "the consumer compiled the generator, a server or a terminal target (above)" >&2
  exit 1
fi
# Every source file of this package that was compiled, by folder: only ShopKit's and
# ShopKitTesting's (and the example's own) may be.
grep -oE '[^ ]+\.swift( |$)' "$log" | tr -d ' ' | grep -F "$root/" | grep -vF "$root/$example/" \
  | grep -v '/Package\.swift$' | sed "s|^$root/||" | cut -d/ -f1-2 | sort -u >"$example/.build/folders.txt"
if grep -vxE 'Sources/(ShopKit|ShopKitTesting)' "$example/.build/folders.txt" >&2; then
  echo "the consumer compiled sources of the package other than ShopKit's (above)" >&2
  exit 1
fi
# A package plugin is compiled against SwiftPM's PluginAPI: none of the graph's may be (SwiftPM
# builds the plugins of every target of every package in the graph, reachable or not).
if grep -qE 'pm/PluginAPI|Compiling plugin' "$log"; then
  grep -oE '[^ ]+/Plugins/[^ ]+\.swift|Compiling plugin [A-Za-z0-9_]+' "$log" | sort -u >&2
  echo "a package plugin was compiled while building the consumer (above)" >&2
  exit 1
fi
echo "example: resolved $resolved packages; clean debug build ${debug_seconds} s;" \
  "compiled $(wc -l <"$example/.build/modules.txt" | tr -d ' ') modules, no generator, plugin, server or terminal target"
