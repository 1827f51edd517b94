#!/usr/bin/env bash
# Runs the product in embedded mode (one process: silo + HTTP API, state in a SQLite file) on a fresh
# machine. Listens where ASPNETCORE_URLS says; keeps its data in INSTAGRAM_DATA_DIR (default: data/
# in the repository, which git ignores).
# Arguments go to the application, e.g. scripts/run.sh --Storage:DataDirectory=/srv/instagram
set -euo pipefail

cd "$(dirname "$0")/.."
source scripts/lib/common.sh
source scripts/lib/media.sh

ensure_dotnet

# dotnet run starts the app in ApiFrontend/, so the app's own default (./data) would land there.
export INSTAGRAM_DATA_DIR="${INSTAGRAM_DATA_DIR:-$PWD/data}"

# Native libraries the product needs at run time (libvips, ffmpeg).
ensure_media_runtime

# The operator pages (/dashboard, /metrics) need a credential; on a developer's machine one is made once
# and kept beside the data. Set Operator__Password to choose your own.
if [ -z "${Operator__Password:-}" ]; then
  mkdir -p "$INSTAGRAM_DATA_DIR"
  password_file="$INSTAGRAM_DATA_DIR/operator-password"
  [ -s "$password_file" ] || (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$password_file")
  export Operator__Password; Operator__Password=$(cat "$password_file")
fi
log "operator pages: /dashboard and /metrics, user ${Operator__Username:-operator}, password in ${password_file:-Operator__Password}"

exec dotnet run --project ApiFrontend -c Release -- "$@"
