#!/usr/bin/env bash
# Builds llama.cpp's own llama-server and llama-bench (CPU only, static, no network at build time) from the
# llama.cpp source bundled in the npm package node-llama-cpp at the version pinned in Directory.Build.props
# (LlamaNpmVersion), into a cache outside the repository: $STUDIES_CACHE (default ~/.cache/studies)/llama/VERSION/tools.
# Used by tests (a real llama-server) and benchmarks (llama-bench as baseline).
#
# Usage: build/build-llama-tools.sh [--print-dir]
#   (no argument)  build when missing (several minutes on 2 cores), then print the tools folder on stdout.
#   --print-dir    never build: print the tools folder; exit 0 if the tools are built, 1 if not.
# Progress goes to stderr; the full build log is $CACHE/llama/VERSION/build-tools.log.
# Safe to run from several processes at once (flock on $CACHE/llama/VERSION/.tools.lock): one builds, the rest wait.
# Environment: STUDIES_CACHE (cache root), STUDIES_BUILD_JOBS (parallel jobs, default 2).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() { echo "error: build-llama-tools: $*" >&2; exit 1; }

version=$(grep -o '<LlamaNpmVersion>[^<]*</LlamaNpmVersion>' "$repo/Directory.Build.props" | sed 's/<[^>]*>//g' || true)
[ -n "$version" ] || fail "could not read LlamaNpmVersion from $repo/Directory.Build.props."
cache="${STUDIES_CACHE:-$HOME/.cache/studies}"
root="$cache/llama/$version"
tools="$root/tools"
marker="$tools/.complete"

if [ "${1:-}" = "--print-dir" ]; then
  echo "$tools"
  [ -f "$marker" ] && exit 0 || exit 1
elif [ -n "${1:-}" ]; then
  fail "unknown argument '$1' (usage: build/build-llama-tools.sh [--print-dir])."
fi

if [ -f "$marker" ]; then echo "$tools"; exit 0; fi

command -v cmake >/dev/null 2>&1 || fail "cmake is not installed: install cmake (e.g. 'apt-get install cmake')."
command -v c++ >/dev/null 2>&1 || command -v g++ >/dev/null 2>&1 \
  || fail "no C++ compiler found: install g++ and make (e.g. 'apt-get install build-essential')."
command -v make >/dev/null 2>&1 || command -v ninja >/dev/null 2>&1 \
  || fail "no build tool found: install make (e.g. 'apt-get install build-essential')."
command -v flock >/dev/null 2>&1 || fail "flock is not installed: install util-linux."

mkdir -p "$root"
exec 9>"$root/.tools.lock"
flock 9
# Another process may have finished the build while we waited for the lock.
if [ -f "$marker" ]; then echo "$tools"; exit 0; fi

"$repo/build/fetch-llama.sh" "$version" "$cache" --source \
  || fail "fetching the llama.cpp source (npm package node-llama-cpp@$version) failed: see the error above (needs npm and access to the npm registry)."
src="$root/src/llama.cpp"
[ -f "$src/CMakeLists.txt" ] || fail "llama.cpp source missing at $src: delete $root/src and run again."

bld="$root/build"
log="$root/build-tools.log"
jobs="${STUDIES_BUILD_JOBS:-2}"
echo "build-llama-tools: building llama-server and llama-bench for llama.cpp from node-llama-cpp@$version (several minutes; log: $log)" >&2

# No network: the server's web UI is neither built (npm) nor downloaded (Hugging Face); the server runs without it.
# LLAMA_CURL is gone in this llama.cpp (deprecated no-op); HTTPS support (OpenSSL) is not needed for a local server.
if ! cmake -S "$src" -B "$bld" \
    -DCMAKE_BUILD_TYPE=Release \
    -DBUILD_SHARED_LIBS=OFF \
    -DGGML_NATIVE=ON -DGGML_CCACHE=OFF \
    -DGGML_CUDA=OFF -DGGML_VULKAN=OFF -DGGML_METAL=OFF -DGGML_RPC=OFF \
    -DLLAMA_BUILD_COMMON=ON -DLLAMA_BUILD_TOOLS=ON -DLLAMA_BUILD_SERVER=ON \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
    -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF \
    -DLLAMA_OPENSSL=OFF -DLLAMA_LLGUIDANCE=OFF \
    >"$log" 2>&1; then
  fail "cmake configure of llama.cpp failed (see $log): install cmake >= 3.14, g++ and make (e.g. 'apt-get install cmake build-essential')."
fi
if ! cmake --build "$bld" --config Release -j "$jobs" --target llama-server llama-bench >>"$log" 2>&1; then
  fail "compiling llama-server/llama-bench failed (see $log, last lines: $(tail -n 3 "$log" | tr '\n' ' ')): install g++ >= 9 and make (e.g. 'apt-get install build-essential')."
fi

rm -rf "$tools.tmp"
mkdir -p "$tools.tmp"
for t in llama-server llama-bench; do
  [ -x "$bld/bin/$t" ] || fail "the build finished but $bld/bin/$t is missing (see $log)."
  cp "$bld/bin/$t" "$tools.tmp/"
done
"$tools.tmp/llama-bench" --help >/dev/null 2>&1 || fail "the built llama-bench does not run (see $log)."
rm -rf "$tools"
mv "$tools.tmp" "$tools"
echo "node-llama-cpp@$version $(cat "$root/src/llama.cpp.info.json" | tr -d ' \n')" >"$marker"
echo "$tools"
