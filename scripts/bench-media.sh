#!/usr/bin/env bash
# The image pipeline benchmark (Release): our libvips processor rendering one 3000×2000 JPEG's four WebP
# variants plus blurhash, against Debian's vipsthumbnail making the same sizes, then throughput with parallel
# workers and memory per job. Installs libvips and the vips tools if missing.
# Extra arguments go to the benchmark: --iterations n, --workers n; --throughput-runs n repeats the 2-worker
# phase n times, --soak n runs n jobs on the workers, --parallel-only skips the memory and latency phases
# (both print how many completed and "no crash": a native crash ends the process with a signal instead).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
source scripts/lib/media.sh

ensure_dotnet
ensure_media_testing
dotnet build -c Release benchmarks/Media.Benchmarks -v quiet -nologo
dotnet benchmarks/Media.Benchmarks/bin/Release/net10.0/Media.Benchmarks.dll "$@"
