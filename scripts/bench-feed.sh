#!/usr/bin/env bash
# The home feed benchmark (Release): the product hosted in-process on Kestrel, loaded by wrk over loopback.
# Feed reads on SQLite against a precomputed response of the same bytes; the grain path against a one-query pull
# feed on PostgreSQL; fan-out latency to 9 999 followers (cold and warm); a celebrity with 1 000 000 followers;
# feed reads with the Orleans dashboard on against off.
# Installs wrk and libvips/ffmpeg (media grains load libvips) if missing, starts a private PostgreSQL on
# 127.0.0.1 and stops it afterwards.
# Extra arguments go to the benchmark: --window s, --warmup s, --readers n, --authors n, --follows n, --connections n,
# --fanout-followers n, --celebrity-followers n, --sample n, --seed n, --only feed|pull|fanout|celebrity|dashboard.
# A quick smoke run: scripts/bench-feed.sh --window 2 --celebrity-followers 20000
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
source scripts/lib/postgres.sh
source scripts/lib/media.sh

ensure_dotnet
ensure_packages wrk
ensure_media_runtime
trap postgres_stop EXIT
postgres_start
dotnet build -c Release benchmarks/Feed.Benchmarks -v quiet -nologo
dotnet benchmarks/Feed.Benchmarks/bin/Release/net10.0/Feed.Benchmarks.dll "$@"
