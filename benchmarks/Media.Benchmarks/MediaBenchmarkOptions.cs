using System.Globalization;

namespace Media.Benchmarks;

/// <param name="Iterations">Timed renders per measurement, after two untimed warm-ups. Default 10.</param>
/// <param name="Workers">Parallel workers for the throughput run. Default 2 (the machines have 2 cores).</param>
internal sealed record MediaBenchmarkOptions(int Iterations, int Workers, int Width, int Height)
{
    public static MediaBenchmarkOptions Parse(string[] args)
    {
        var iterations = 10;
        var workers = 2;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--iterations":
                    iterations = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--workers":
                    workers = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Options: --iterations n, --workers n.");
            }
        }

        return new MediaBenchmarkOptions(Math.Max(1, iterations), Math.Max(1, workers), 3000, 2000);
    }
}
