using System.Globalization;

namespace Runtime.Benchmarks;

internal sealed record BenchmarkOptions(TimeSpan Warmup, TimeSpan Window, int Concurrency, int Writers, bool RunCalls, bool RunWrites, string? PostgresConnectionString)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var window = TimeSpan.FromSeconds(5);
        var concurrency = 1000;
        var writers = 64;
        string? only = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--window":
                    window = TimeSpan.FromSeconds(double.Parse(args[i + 1], CultureInfo.InvariantCulture));
                    break;
                case "--concurrency":
                    concurrency = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--writers":
                    writers = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--only":
                    only = args[i + 1];
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Options: --window s, --concurrency n, --writers n, --only calls|writes.");
            }
        }

        return new BenchmarkOptions(
            TimeSpan.FromSeconds(Math.Max(1, window.TotalSeconds / 2)),
            window,
            concurrency,
            writers,
            only is null or "calls",
            only is null or "writes",
            Environment.GetEnvironmentVariable("INSTAGRAM_TEST_POSTGRES"));
    }
}
