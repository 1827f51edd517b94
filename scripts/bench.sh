#!/usr/bin/env bash
# The grain call benchmark (Release): an Orleans silo in-process with benchmark grains of its own; calls/s and
# p50/p99 from outside a grain and grain to grain with 1, 100 and 10 000 grains, against a direct interface
# call and a bare work queue measured in the same process; then what a message without [Immutable] costs.
# Needs nothing but the .NET SDK; takes about a minute and a half (docs/orleans.md, "Grain calls", reads the figures).
# Extra arguments go to the benchmark: --seconds s, --warmup s, --process-warmup s, --concurrency n,
# --calling-grains n, --page-size n, --only frontend|grain-to-grain|messages.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

ensure_dotnet
dotnet build -c Release benchmarks/Grains.Benchmarks -v quiet -nologo
dotnet benchmarks/Grains.Benchmarks/bin/Release/net10.0/Grains.Benchmarks.dll "$@"
