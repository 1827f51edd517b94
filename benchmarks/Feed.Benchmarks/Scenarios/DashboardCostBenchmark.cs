using Feed.Benchmarks.Hosting;
using Feed.Benchmarks.Load;
using Feed.Benchmarks.Seeding;

namespace Feed.Benchmarks.Scenarios;

/// <summary>
/// 4. What the Orleans dashboard costs with nobody watching it: the feed-read load of benchmark 1 on a host
/// without the dashboard, on one with it (an operator credential configured, the page never opened), and
/// without it again, so that drift between runs shows; plus each host's idle CPU. The same seeded graph each time.
/// </summary>
internal static class DashboardCostBenchmark
{
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(FeedBenchmarkOptions options, FeedBenchmarkReport report, string workDirectory)
    {
        report.Section("4. The Orleans dashboard's cost, unwatched (embedded, SQLite, feed reads)");
        var without = await MeasureAsync(options, workDirectory, dashboard: false);
        var with = await MeasureAsync(options, workDirectory, dashboard: true);
        var withoutAgain = await MeasureAsync(options, workDirectory, dashboard: false);

        report.LoadTable([without.Load, with.Load, withoutAgain.Load], without.Load);
        var reference = (without.Load.PerSecond + withoutAgain.Load.PerSecond) / 2;
        report.Ratio("with dashboard/without (mean of both runs without)", with.Load.PerSecond / reference, goal: null);
        report.Note($"  idle CPU: without {without.Idle:P1}, with {with.Idle:P1}, without again {withoutAgain.Idle:P1} of a core");
        report.Blank();
    }

    private static async Task<(LoadResult Load, double Idle)> MeasureAsync(FeedBenchmarkOptions options, string workDirectory, bool dashboard)
    {
        var settings = dashboard ? new Dictionary<string, string?> { ["Operator:Password"] = "benchmark operator" } : null;
        await using var host = await ProductHost.StartAsync(postgresConnectionString: null, settings: settings);
        var graph = await FeedGraph.SeedAsync(new ProductTables(host.Database), host.Ids, options);
        await FeedReads.ReadEachOnceAsync(host, graph.ReaderIds);
        var tokens = await FeedReads.WriteTokensAsync(host, graph.ReaderIds, workDirectory);
        var wrk = new Wrk(workDirectory, options.Connections);
        var feedUrl = new Uri(host.Address, FeedReads.FeedPath);
        await wrk.WarmUpAsync(feedUrl, tokens, options.Warmup);
        var load = await wrk.RunAsync($"GET /api/v1/feed (dashboard-{(dashboard ? "on" : "off")})", feedUrl, tokens, options.Window);
        return (load, await IdleCpu.MeasureAsync(IdleWindow));
    }
}
