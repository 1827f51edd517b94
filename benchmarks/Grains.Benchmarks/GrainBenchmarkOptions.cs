using System.Globalization;
using Grains.Benchmarks.Measuring;

namespace Grains.Benchmarks;

/// <param name="Timing">Each row's warm-up (default 1 s: activations, tiered JIT) and measured window (default 2 s, --seconds).</param>
/// <param name="Concurrency">Calls outstanding in the concurrent rows. Default 1 000.</param>
/// <param name="CallingGrains">Grains making the concurrent grain-to-grain calls, sharing those outstanding calls. Default 10.</param>
/// <param name="PageSize">Post IDs or entries in the larger messages. Default 1 000 (a timeline holds 800).</param>
/// <param name="ProcessWarmup">Unmeasured calls once the silo is up, before any grain row (tiered JIT). Default 4 s.</param>
/// <param name="Only">frontend, grain-to-grain or messages; null for all.</param>
internal sealed record GrainBenchmarkOptions(LoadTiming Timing, int Concurrency, int CallingGrains, int PageSize, TimeSpan ProcessWarmup, string? Only)
{
    /// <summary>The grain counts every call scenario runs with.</summary>
    public static readonly IReadOnlyList<int> GrainCounts = [1, 100, 10_000];

    private const string Usage = "Options: --seconds s, --warmup s, --process-warmup s, --concurrency n, --calling-grains n, --page-size n, --only frontend|grain-to-grain|messages.";

    /// <summary>The baselines are measured when a call scenario, which needs them for its ratios, runs.</summary>
    public bool RunsCalls => Runs("frontend") || Runs("grain-to-grain");

    public bool Runs(string scenario) => Only is null || Only == scenario;

    public static GrainBenchmarkOptions Parse(string[] args)
    {
        double seconds = 2, warmup = 1, processWarmup = 4;
        int concurrency = 1000, callingGrains = 10, pageSize = 1000;
        string? only = null;
        if (args.Length % 2 != 0)
        {
            throw new ArgumentException($"Every option takes a value. {Usage}");
        }

        for (var i = 0; i < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--seconds": seconds = Seconds(value); break;
                case "--warmup": warmup = Seconds(value); break;
                case "--process-warmup": processWarmup = Seconds(value); break;
                case "--concurrency": concurrency = Positive(value); break;
                case "--calling-grains": callingGrains = Positive(value); break;
                case "--page-size": pageSize = Positive(value); break;
                case "--only" when value is "frontend" or "grain-to-grain" or "messages": only = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]} {value}. {Usage}");
            }
        }

        return new GrainBenchmarkOptions(
            new LoadTiming(TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds)),
            concurrency,
            Math.Min(callingGrains, concurrency),
            pageSize,
            TimeSpan.FromSeconds(processWarmup),
            only);
    }

    /// <summary>A grain-to-grain run is one grain call: it must end within the calling grain's 10 min response timeout.</summary>
    private static double Seconds(string value) =>
        double.Parse(value, CultureInfo.InvariantCulture) is var s and > 0 and <= 240 ? s : throw new ArgumentException($"{value}: seconds must be in (0, 240].");

    private static int Positive(string value) =>
        int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{value} is not a positive number.");
}
