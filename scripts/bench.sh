#!/usr/bin/env bash
# The runtime benchmark (Release): grain calls per second and latency with 1, 100 and 10 000 grains
# against in-process baselines, then durable state writes per second to SQLite and PostgreSQL.
# Starts a private PostgreSQL on 127.0.0.1 for the write benchmark and stops it afterwards.
# Extra arguments go to the benchmark: --window seconds, --concurrency callers, --writers n, --only calls|writes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
source scripts/lib/postgres.sh

ensure_dotnet
trap postgres_stop EXIT
postgres_start
dotnet build -c Release benchmarks/Runtime.Benchmarks -v quiet -nologo
dotnet benchmarks/Runtime.Benchmarks/bin/Release/net10.0/Runtime.Benchmarks.dll "$@"
