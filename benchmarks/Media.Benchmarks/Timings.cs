namespace Media.Benchmarks;

/// <summary>Wall-clock samples of one scenario, in milliseconds.</summary>
internal sealed record Timings(string Scenario, IReadOnlyList<double> Milliseconds)
{
    public double Median
    {
        get
        {
            var sorted = Milliseconds.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public double Mean => Milliseconds.Average();

    public double Min => Milliseconds.Min();

    /// <summary>Times <paramref name="iterations"/> runs of <paramref name="action"/> after two untimed warm-ups (JIT, page cache).</summary>
    public static Timings Measure(string scenario, int iterations, Action action)
    {
        action();
        action();
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            action();
            samples[i] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return new Timings(scenario, samples);
    }
}
