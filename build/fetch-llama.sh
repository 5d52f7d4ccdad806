#!/usr/bin/env bash
# Fetches llama.cpp's prebuilt CPU libraries (npm: @node-llama-cpp/linux-x64) and, with --source, the matching
# llama.cpp source (npm: node-llama-cpp, llama/gitRelease.bundle) into a cache outside the repository.
# Usage: build/fetch-llama.sh VERSION CACHE_DIR [--source]
# Prints nothing on success; idempotent (a finished step leaves a marker and is skipped next time).
set -euo pipefail
version="$1"; cache="$2"; want_source="${3:-}"
root="$cache/llama/$version"
mkdir -p "$root"

need_npm() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm is not installed. Studies fetches llama.cpp's native libraries from the npm registry: install Node.js with npm (e.g. 'apt-get install nodejs npm'), or set STUDIES_LLAMA_LIB_DIR to a folder holding libllama*.so and libggml*.so." >&2
    exit 1
  fi
}

if [ ! -f "$root/lib/.complete" ]; then
  need_npm
  tmp=$(mktemp -d "$root/.fetch.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "@node-llama-cpp/linux-x64@$version" >/dev/null)
  tar xzf "$tmp"/node-llama-cpp-linux-x64-"$version".tgz -C "$tmp"
  rm -rf "$root/lib"
  mkdir -p "$root/lib"
  cp "$tmp"/package/bins/linux-x64/*.so "$tmp"/package/bins/linux-x64/_nlcBuildMetadata.json "$root/lib/"
  touch "$root/lib/.complete"
  rm -rf "$tmp"; trap - EXIT
fi

if [ "$want_source" = "--source" ] && [ ! -f "$root/src/.complete" ]; then
  need_npm
  tmp=$(mktemp -d "$root/.fetch.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-llama-cpp@$version" >/dev/null)
  tar xzf "$tmp"/node-llama-cpp-"$version".tgz -C "$tmp" package/llama/gitRelease.bundle package/llama/llama.cpp.info.json
  rm -rf "$root/src"
  git clone --quiet "$tmp/package/llama/gitRelease.bundle" "$root/src/llama.cpp" 2>/dev/null
  cp "$tmp/package/llama/llama.cpp.info.json" "$root/src/"
  touch "$root/src/.complete"
  rm -rf "$tmp"; trap - EXIT
fi
