using System.Globalization;

namespace Media.Benchmarks;

/// <param name="Iterations">Timed renders per measurement, after two untimed warm-ups. Default 10.</param>
/// <param name="Workers">Parallel workers for the throughput and soak runs. Default 2 (the machines have 2 cores).</param>
/// <param name="ThroughputRuns">How many times the parallel phase runs (each: every worker renders <see cref="Iterations"/> images). Default 1.</param>
/// <param name="SoakJobs">Jobs for the soak run, shared by the workers as a pool shares uploads; 0 (default) skips it.</param>
/// <param name="ParallelOnly">Skip the memory and latency phases: only the parallel phase (and the soak), for repeating processes.</param>
internal sealed record MediaBenchmarkOptions(int Iterations, int Workers, int ThroughputRuns, int SoakJobs, bool ParallelOnly, int Width, int Height)
{
    private const string Usage = "Options: --iterations n, --workers n, --throughput-runs n, --soak n, --parallel-only.";

    public static MediaBenchmarkOptions Parse(string[] args)
    {
        var iterations = 10;
        var workers = 2;
        var throughputRuns = 1;
        var soakJobs = 0;
        var parallelOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--iterations":
                    iterations = Number(args, ++i);
                    break;
                case "--workers":
                    workers = Number(args, ++i);
                    break;
                case "--throughput-runs":
                    throughputRuns = Number(args, ++i);
                    break;
                case "--soak":
                    soakJobs = Number(args, ++i);
                    break;
                case "--parallel-only":
                    parallelOnly = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. {Usage}");
            }
        }

        return new MediaBenchmarkOptions(Math.Max(1, iterations), Math.Max(1, workers), Math.Max(1, throughputRuns), Math.Max(0, soakJobs), parallelOnly, 3000, 2000);
    }

    private static int Number(string[] args, int index) =>
        index < args.Length
            ? int.Parse(args[index], CultureInfo.InvariantCulture)
            : throw new ArgumentException($"{args[index - 1]} needs a number. {Usage}");
}
