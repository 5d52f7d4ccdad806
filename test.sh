#!/usr/bin/env bash
# The test command of the README: builds everything (fetching llama.cpp's libraries with npm on first use) and runs
# every test project against the real llama.cpp library and the real models in ../shared/models.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test Studies.sln -c Release "$@"
