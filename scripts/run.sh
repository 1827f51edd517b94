#!/usr/bin/env bash
# Runs the product in embedded mode (one process: silo + HTTP API, state in a SQLite file) on a fresh
# machine. Listens where ASPNETCORE_URLS says; keeps its data in INSTAGRAM_DATA_DIR (default: data/
# in the repository, which git ignores).
# Arguments go to the application, e.g. scripts/run.sh --Storage:DataDirectory=/srv/instagram
set -euo pipefail

cd "$(dirname "$0")/.."
source scripts/lib/common.sh

ensure_dotnet

# dotnet run starts the app in ApiFrontend/, so the app's own default (./data) would land there.
export INSTAGRAM_DATA_DIR="${INSTAGRAM_DATA_DIR:-$PWD/data}"

# Debian packages the product needs at run time. None yet; the media pipeline will add libvips42.
runtime_packages=()
if [ ${#runtime_packages[@]} -gt 0 ]; then
  ensure_packages "${runtime_packages[@]}"
fi

exec dotnet run --project ApiFrontend -c Release -- "$@"
