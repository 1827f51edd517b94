#!/usr/bin/env bash
# Runs the product in embedded mode (one process: silo + HTTP API, SQLite under ./data) on a fresh
# machine. Listens where ASPNETCORE_URLS says; keeps its data in INSTAGRAM_DATA_DIR (default ./data).
# Arguments go to the application, e.g. scripts/run.sh --Storage:DataDirectory=/srv/instagram
set -euo pipefail

cd "$(dirname "$0")/.."
source scripts/lib/common.sh

ensure_dotnet

# Debian packages the product needs at run time. None yet; the media pipeline will add libvips42.
runtime_packages=()
if [ ${#runtime_packages[@]} -gt 0 ]; then
  ensure_packages "${runtime_packages[@]}"
fi

exec dotnet run --project ApiFrontend -c Release -- "$@"
