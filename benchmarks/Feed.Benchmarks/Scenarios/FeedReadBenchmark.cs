using System.Diagnostics;
using Feed.Benchmarks.Hosting;
using Feed.Benchmarks.Load;
using Feed.Benchmarks.Seeding;

namespace Feed.Benchmarks.Scenarios;

/// <summary>
/// 1. GET /api/v1/feed under load, embedded on SQLite, against the same process serving a precomputed
/// response of the same bytes: the HTTP stack's limit. Goal: the feed at half the baseline or better.
/// </summary>
internal static class FeedReadBenchmark
{
    private const double Goal = 0.5;
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(FeedBenchmarkOptions options, FeedBenchmarkReport report, string workDirectory)
    {
        report.Section("1. Feed read (embedded, SQLite)");
        var baseline = new BaselineEndpoint();
        await using var host = await ProductHost.StartAsync(postgresConnectionString: null, baseline.Map);

        var clock = Stopwatch.StartNew();
        var graph = await FeedGraph.SeedAsync(new ProductTables(host.Database), host.Ids, options);
        report.Note($"seeded {graph.Describe()} in {FeedBenchmarkReport.Ms(clock.Elapsed)}");

        var (response, firstReads) = await FeedReads.ReadEachOnceAsync(host, graph.ReaderIds);
        report.Note($"every reader's feed read once in {FeedBenchmarkReport.Ms(firstReads)} (each timeline activates and rebuilds itself from the graph)");
        report.Note($"response: {response.Posts} hydrated posts, {response.Body.Length:N0} bytes, {response.ContentType}");
        baseline.Serve(response);

        var tokens = await FeedReads.WriteTokensAsync(host, graph.ReaderIds, workDirectory);
        var wrk = new Wrk(workDirectory, options.Connections);
        var feedUrl = new Uri(host.Address, FeedReads.FeedPath);
        var baselineUrl = new Uri(host.Address, BaselineEndpoint.Path);
        report.WarmUp("feed", await wrk.WarmUpAsync(feedUrl, tokens, options.Warmup));
        report.WarmUp("baseline", await wrk.WarmUpAsync(baselineUrl, tokens, TimeSpan.FromSeconds(4)));

        var before = GrainCallCounts.Read(host.Calls);
        var feed = await wrk.RunAsync("GET /api/v1/feed?limit=20", feedUrl, tokens, options.Window);
        var calls = GrainCallCounts.Read(host.Calls).Since(before);

        // The same tokens: the authentication middleware decrypts them on the baseline too, though it requires none.
        var sameTokens = await wrk.RunAsync("GET /bench/baseline (same bytes, same tokens)", baselineUrl, tokens, options.Window);
        var noToken = await wrk.RunAsync("GET /bench/baseline (same bytes, no token)", baselineUrl, tokensFile: null, options.Window);

        report.Blank();
        report.LoadTable([feed, sameTokens, noToken], sameTokens);
        report.Ratio("feed/baseline", feed.PerSecond / sameTokens.PerSecond, Goal);
        report.Blank();
        report.CostTable([feed, sameTokens, noToken]);
        report.Blank();
        report.CallsPerRequest(calls, feed.Requests);

        report.Note("  active activations: " + string.Join(", ", (await host.ActivationsAsync()).Select(t => $"{t.Key} {t.Value:N0}")));
        report.Note($"  host idle (no requests) after the windows: {await IdleCpu.MeasureAsync(IdleWindow):P1} of a core");

        var inProcess = await InProcessFeed.MeasureAsync(host, graph.ReaderIds, options.Connections, options.Window);
        var single = await InProcessFeed.MeasureAsync(host, graph.ReaderIds, loops: 1, TimeSpan.FromSeconds(2));
        report.Blank();
        report.InProcess(inProcess, options.Connections);
        report.InProcess(single, loops: 1);
        report.Blank();
    }
}
