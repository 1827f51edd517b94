namespace Runtime.Benchmarks;

/// <summary>Grain calls with 1, 100 and 10 000 grains, and the two baselines, in one process.</summary>
internal static class CallBenchmarks
{
    public static async Task RunAsync(BenchmarkOptions options, BenchmarkReport report)
    {
        // A direct call completes synchronously, so more callers than cores would only queue behind each other.
        var direct = await ClosedLoop.PingAsync(
            "direct interface call (baseline)", [new DirectPing()], Environment.ProcessorCount, options.Warmup, options.Window);
        var bare = await ClosedLoop.PingAsync(
            "bare per-grain work queue, 100 (baseline)", Enumerable.Range(0, 100).Select(_ => (IPingGrain)new BareWorkQueue()).ToList(), options.Concurrency, options.Warmup, options.Window);

        var results = new List<LoadResult> { direct, bare };
        long measuredCalls = 0;
        long recordedCalls;
        await using (var silo = await BenchmarkSilo.StartAsync())
        {
            foreach (var grainCount in new[] { 1, 100, 10_000 })
            {
                var grains = Enumerable.Range(0, grainCount).Select(key => silo.Grains.GetGrain<IPingGrain>(key)).ToList();
                var result = await ClosedLoop.PingAsync($"grain calls, {grainCount:N0} grains", grains, options.Concurrency, options.Warmup, options.Window);
                measuredCalls += (long)(result.PerSecond * options.Window.TotalSeconds);
                results.Add(result);
            }

            recordedCalls = silo.RecordedCalls("ping");
        }

        report.CallTable(results, direct, bare);

        // The silo's statistics also count warm-up calls, so they must be at least what the callers measured.
        report.Note($"cross-check: the silo's statistics recorded {recordedCalls:N0} ping calls; callers measured {measuredCalls:N0} in the windows (plus warm-ups).");
        report.Note(string.Empty);
    }
}
